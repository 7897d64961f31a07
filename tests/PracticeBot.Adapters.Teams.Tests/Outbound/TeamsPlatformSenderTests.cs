using System.Net;
using PracticeBot.Adapters.Teams.Outbound;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Teams.Tests.Outbound;

public sealed class TeamsPlatformSenderTests
{
    [Fact]
    public void Failure_MessageWritesBlocked_GivesUpWithThatReason()
    {
        var result = TeamsPlatformSender.Failure(new ConnectorResponse<ResourceResponse>(HttpStatusCode.Forbidden, null, "MessageWritesBlocked"));

        Assert.Equal((DeliveryOutcome.Permanent, "MessageWritesBlocked"), (result!.Outcome, result.Error));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void Failure_TransientStatus_TriesLaterHonouringRetryAfter(HttpStatusCode status)
    {
        var result = TeamsPlatformSender.Failure(new ConnectorResponse<ResourceResponse>(status, null, RetryAfter: TimeSpan.FromSeconds(30)));

        Assert.Equal((DeliveryOutcome.Transient, TimeSpan.FromSeconds(30)), (result!.Outcome, result.RetryAfter));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void Failure_PermanentStatus_GivesUp(HttpStatusCode status)
    {
        var result = TeamsPlatformSender.Failure(new ConnectorResponse<ResourceResponse>(status, null, "ConversationNotFound"));

        Assert.Equal(DeliveryOutcome.Permanent, result!.Outcome);
    }

    [Fact]
    public void Failure_Success_IsNull() =>
        Assert.Null(TeamsPlatformSender.Failure(new ConnectorResponse<ResourceResponse>(HttpStatusCode.OK, new ResourceResponse { Id = "1" })));
}
