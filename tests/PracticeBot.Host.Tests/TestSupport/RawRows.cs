using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>A table's rows exactly as the database holds them, every column as text: what someone with a copy of the database sees.</summary>
public static class RawRows
{
    public static async Task<string> ReadAsync(IServiceProvider services, string table)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetName(i)).Append('=')
                        .Append(Convert.ToString(reader.IsDBNull(i) ? "" : reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\t');
                }

                text.AppendLine();
            }

            return text.ToString();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
