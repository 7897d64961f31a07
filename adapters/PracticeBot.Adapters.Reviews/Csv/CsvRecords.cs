using System.Text;

namespace PracticeBot.Adapters.Reviews.Csv;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated fields, double quotes around fields that hold commas, quotes or line
/// breaks, <c>""</c> for a quote. Each record carries the line it starts on, and whether it broke the rules (a quote in
/// the middle of an unquoted field, text after a closing quote, a quote never closed), so a bad line is reported and
/// the next line read as usual.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields, bool Malformed)> Read(TextReader reader)
    {
        var line = 1;
        while (reader.Peek() >= 0)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var malformed = false;
            var quoted = false;
            var inQuotes = false;
            var afterClosingQuote = false;
            while (true)
            {
                var next = reader.Read();
                if (next < 0)
                {
                    malformed |= inQuotes;
                    break;
                }

                var c = (char)next;
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                            afterClosingQuote = true;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                    }

                    continue;
                }

                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = afterClosingQuote = false;
                }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    line++;
                    break;
                }
                else if (c == '"' && field.Length == 0 && !quoted)
                {
                    quoted = inQuotes = true;
                }
                else
                {
                    malformed |= c == '"' || afterClosingQuote;
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return (start, fields, malformed);
        }
    }
}
