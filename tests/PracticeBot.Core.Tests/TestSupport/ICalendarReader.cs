using System.Text;
using System.Text.RegularExpressions;

namespace PracticeBot.Core.Tests.TestSupport;

/// <summary>
/// A small, strict RFC 5545 reader for tests: CRLF only, physical lines of at most 75 octets, folding undone,
/// content lines well formed, components properly nested, and the properties a calendar and an event must have.
/// Throws <see cref="FormatException"/> naming the first problem.
/// </summary>
public static partial class ICalendarReader
{
    public static ICalendarComponent Read(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("The calendar must end with CRLF.");
        }

        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"A bare CR or LF in: {line}");
            }

            if (Encoding.UTF8.GetByteCount(line) > 75)
            {
                throw new FormatException($"Line longer than 75 octets: {line}");
            }
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                if (logical.Count == 0)
                {
                    throw new FormatException("A continuation line with nothing to continue.");
                }

                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<ICalendarComponent>();
        ICalendarComponent? root = null;
        foreach (var line in logical)
        {
            var match = ContentLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a content line: {line}");
            }

            var name = match.Groups["name"].Value.ToUpperInvariant();
            var value = match.Groups["value"].Value;
            switch (name)
            {
                case "BEGIN":
                    if (root is not null && stack.Count == 0)
                    {
                        throw new FormatException("Content after the end of the calendar.");
                    }

                    var component = new ICalendarComponent(value.ToUpperInvariant());
                    if (stack.TryPeek(out var parent))
                    {
                        parent.Children.Add(component);
                    }
                    else
                    {
                        root = component;
                    }

                    stack.Push(component);
                    break;
                case "END":
                    if (!stack.TryPop(out var open) || !string.Equals(open.Name, value, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new FormatException($"END:{value} does not close the open component.");
                    }

                    break;
                default:
                    if (!stack.TryPeek(out var current))
                    {
                        throw new FormatException($"Property outside a component: {line}");
                    }

                    current.Properties.Add((name, Unescape(value)));
                    break;
            }
        }

        if (root is not { Name: "VCALENDAR" } || stack.Count != 0)
        {
            throw new FormatException("Not one complete VCALENDAR.");
        }

        Require(root, "VERSION", "PRODID");
        if (root.Get("VERSION") != "2.0")
        {
            throw new FormatException("VERSION must be 2.0.");
        }

        foreach (var e in root.Children.Where(c => c.Name == "VEVENT"))
        {
            Require(e, "UID", "DTSTAMP", "DTSTART");
            foreach (var stamp in new[] { "DTSTAMP", "DTSTART", "DTEND" }.Where(p => e.Get(p) is not null))
            {
                if (!UtcDateTime().IsMatch(e.Get(stamp)!))
                {
                    throw new FormatException($"{stamp} is not a UTC date-time: {e.Get(stamp)}");
                }
            }
        }

        return root;
    }

    public static DateTimeOffset ParseUtc(string value) =>
        DateTimeOffset.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);

    private static void Require(ICalendarComponent component, params string[] names)
    {
        foreach (var name in names)
        {
            if (component.Properties.Count(p => p.Name == name) != 1)
            {
                throw new FormatException($"{component.Name} must have exactly one {name}.");
            }
        }
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            if (++i >= value.Length)
            {
                throw new FormatException($"A dangling backslash in: {value}");
            }

            text.Append(value[i] switch
            {
                'n' or 'N' => '\n',
                '\\' or ';' or ',' => value[i],
                _ => throw new FormatException($"Unknown escape \\{value[i]} in: {value}"),
            });
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9-]+)(;[A-Za-z0-9-]+=(""[^""]*""|[^;:,""]*)(,(""[^""]*""|[^;:,""]*))*)*:(?<value>.*)$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();
}

public sealed class ICalendarComponent(string name)
{
    public string Name { get; } = name;

    public List<(string Name, string Value)> Properties { get; } = [];

    public List<ICalendarComponent> Children { get; } = [];

    public IEnumerable<ICalendarComponent> Events => Children.Where(c => c.Name == "VEVENT");

    public string? Get(string property) => Properties.FirstOrDefault(p => p.Name == property).Value;
}
