using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Security;

/// <summary>
/// The Data Protection key ring in the bot's database (<c>data_protection_keys</c>), so that every instance reads
/// and writes the same keys: what one instance encrypts, any other decrypts. The key manager calls it rarely (at
/// start, when it creates or rotates a key, and when it refreshes its cached ring once a day).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var rows = db.ProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        return rows.Select(xml => XElement.Parse(xml)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.ProtectionKeys.Add(new ProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
