using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.JSInterop;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// What a technician has entered into a work order's checklist, kept in their browser's local storage (encrypted with the
/// app's Data Protection keys, shared by every node) as they enter it, so that a page reloaded after a lost connection or a
/// locked phone shows their ticks, readings, notes and signer's name again instead of an empty list. Answers are recorded
/// on the work order only on completion; until then the draft is the browser's, per person and work order, and dropped
/// when the work is completed or no longer in progress. A drawn signature is not kept (it is drawn again). Storage that
/// fails — prerendering, a closed circuit, keys that no longer decrypt — is treated as no draft: it never blocks the work.
/// </summary>
public sealed class ChecklistDrafts(IJSRuntime js, IDataProtectionProvider protection, ILogger<ChecklistDrafts> logger)
{
    private readonly ProtectedLocalStorage _storage = new(js, protection);

    public async Task<IReadOnlyDictionary<string, ChecklistDraftEntry>> ReadAsync(long workOrderId, string person)
    {
        try
        {
            var stored = await _storage.GetAsync<Dictionary<string, ChecklistDraftEntry>>(Key(workOrderId, person));
            return stored is { Success: true, Value: { } entries } ? entries : new Dictionary<string, ChecklistDraftEntry>();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            logger.LogDebug(e, "No checklist draft read for work order {WorkOrder}", workOrderId);
            return new Dictionary<string, ChecklistDraftEntry>();
        }
    }

    public async Task SaveAsync(long workOrderId, string person, IReadOnlyDictionary<string, ChecklistEntry> entries)
    {
        var draft = entries.Where(e => !e.Value.IsEmpty || !string.IsNullOrWhiteSpace(e.Value.Signer))
            .ToDictionary(e => e.Key, e => new ChecklistDraftEntry(e.Value.Value, e.Value.Note, e.Value.Signer), StringComparer.Ordinal);
        try
        {
            if (draft.Count == 0) await _storage.DeleteAsync(Key(workOrderId, person));
            else await _storage.SetAsync(Key(workOrderId, person), draft);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            logger.LogDebug(e, "Checklist draft of work order {WorkOrder} not saved", workOrderId);
        }
    }

    public async Task DropAsync(long workOrderId, string person)
    {
        try
        {
            await _storage.DeleteAsync(Key(workOrderId, person));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            logger.LogDebug(e, "Checklist draft of work order {WorkOrder} not dropped", workOrderId);
        }
    }

    /// <summary>Per work order and person (a shared tablet keeps each technician's apart), the person by a digest, not their e-mail.</summary>
    private static string Key(long workOrderId, string person) => string.Create(CultureInfo.InvariantCulture,
        $"fleetops.checklist.{workOrderId}.{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(person)))[..16]}");

    /// <summary>The browser's storage cannot be reached or read now: the page goes on without the draft.</summary>
    private static bool IsUnavailable(Exception e) =>
        e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException or CryptographicException;
}
