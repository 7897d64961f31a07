using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// An example line for a command, made from its declaration: each required argument (and a leading choice) gets a
/// sample of its kind, so <c>review claim &lt;id&gt; [@user]</c> becomes <c>review claim 12</c>.
/// </summary>
public static class CommandExamples
{
    public static string Make(CommandSpec spec)
    {
        var words = new List<string> { spec.Words };
        foreach (var (param, index) in spec.Params.Select((p, i) => (p, i)))
        {
            var leadingChoice = index == 0 && param.Kind == ParamKind.Choice && spec.Params.Skip(1).Any(p => !p.Optional);
            var knownText = param.Kind == ParamKind.Text && TextSample(param.Name) is not ['<', ..];
            if (param.Optional && !leadingChoice && !knownText)
            {
                break;
            }

            words.Add(Sample(param));
        }

        return string.Join(" ", words);
    }

    private static string Sample(CommandParam param) => param.Kind switch
    {
        ParamKind.ReviewNumber => "12",
        ParamKind.User => "@ann",
        ParamKind.Date => "2026-12-21",
        ParamKind.RateOrOff => "3/week",
        ParamKind.Choice or ParamKind.Words => param.Choices is [var first, ..] ? first : param.Name,
        ParamKind.Url => "https://www.facebook.com/sunrise/posts/1",
        ParamKind.NameAndTimeZone => "\"Sunrise Family Medicine\" America/Chicago",
        ParamKind.RoleChange => RoleNames.All[1].Name,
        _ => TextSample(param.Name),
    };

    private static string TextSample(string name) => name switch
    {
        "reason" => "Please mention the parking",
        "text" => "Thank you for your kind words!",
        _ => $"<{name}>",
    };
}
