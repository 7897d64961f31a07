using PracticeBot.Adapters.Reviews.Http;

namespace PracticeBot.Adapters.Reviews.Yelp;

/// <summary>
/// Sits under the resilience handler, so every attempt, retries included, is taken from the budget before it leaves
/// the process: the budget can never be exceeded.
/// </summary>
public sealed class YelpBudgetHandler(YelpCallBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!budget.TryTake(out var refusal))
        {
            throw new SourceCallFailedException(refusal!);
        }

        var response = await base.SendAsync(request, cancellationToken);
        budget.Observe(response);
        return response;
    }
}
