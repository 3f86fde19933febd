using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// What a technician has entered into a work order's checklist, kept in their browser's local storage (encrypted with the
/// app's Data Protection keys, shared by every node) as they enter it, so that a page reloaded after a lost connection or a
/// locked phone shows their ticks, readings, notes and signer's name again instead of an empty list. Answers are recorded
/// on the work order only on completion; until then the draft is the browser's, per person and work order, and dropped
/// when the work is completed or no longer in progress. A drawn signature is kept beside the answers, one entry per item
/// (see <see cref="SaveSignatureAsync"/>). Storage that fails — prerendering, a closed circuit, keys that no longer
/// decrypt, a full storage — is treated as no draft: it never blocks the work.
/// </summary>
public sealed class ChecklistDrafts(IJSRuntime js, IDataProtectionProvider protection, ILogger<ChecklistDrafts> logger)
{
    private const string Module = "./js/checklist-drafts.js";

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

    /// <summary>
    /// Keeps a signature item's drawing (PNG), or forgets it (null). Encrypted here, bound to its entry's key, and kept by
    /// the module <c>wwwroot/js/checklist-drafts.js</c> rather than <see cref="ProtectedLocalStorage"/>: that one reads an
    /// entry back as one message from the browser, which the circuit refuses over 32 KB.
    /// </summary>
    public async Task SaveSignatureAsync(long workOrderId, string person, string item, byte[]? png)
    {
        var key = SignatureKey(workOrderId, person, item);
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference?>("import", Module);
            if (module is null) return; // no browser (prerendering)
            if (png is null) await module.InvokeVoidAsync("remove", key);
            else await module.InvokeVoidAsync("save", key, WebEncoders.Base64UrlEncode(Protector(key).Protect(png)));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            logger.LogDebug(e, "Signature draft of work order {WorkOrder} not saved", workOrderId);
        }
    }

    /// <summary>The drawing kept for a signature item, or null; read as a stream (up to a photo's limit, as the drawing was).</summary>
    public async Task<byte[]?> ReadSignatureAsync(long workOrderId, string person, string item, long maxBytes)
    {
        var key = SignatureKey(workOrderId, person, item);
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference?>("import", Module);
            if (module is null) return null;
            await using var stored = await module.InvokeAsync<IJSStreamReference?>("read", key);
            if (stored is null) return null;
            // Base64 of the encrypted drawing: a third more than the drawing, and the protection's few bytes.
            await using var stream = await stored.OpenReadStreamAsync(maxBytes * 2);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var text = await reader.ReadToEndAsync();
            return text.Length == 0 ? null : Protector(key).Unprotect(WebEncoders.Base64UrlDecode(text));
        }
        catch (Exception e) when (IsUnavailable(e) || e is FormatException or IOException)
        {
            logger.LogDebug(e, "No signature draft read for work order {WorkOrder}", workOrderId);
            return null;
        }
    }

    /// <summary>The answers and every signature kept for the work order by this person.</summary>
    public async Task DropAsync(long workOrderId, string person)
    {
        try
        {
            await _storage.DeleteAsync(Key(workOrderId, person));
            await using var module = await js.InvokeAsync<IJSObjectReference?>("import", Module);
            if (module is not null) await module.InvokeVoidAsync("drop", SignatureKey(workOrderId, person, ""));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            logger.LogDebug(e, "Checklist draft of work order {WorkOrder} not dropped", workOrderId);
        }
    }

    /// <summary>A signature item's entry, beside the answers' (its prefix with an empty item names them all).</summary>
    private static string SignatureKey(long workOrderId, string person, string item) => $"{Key(workOrderId, person)}.signature.{item}";

    /// <summary>Bound to the entry's key: a drawing moved to another work order, person or item does not decrypt.</summary>
    private IDataProtector Protector(string key) => protection.CreateProtector("FleetOps.ChecklistDrafts.Signature", key);

    /// <summary>Per work order and person (a shared tablet keeps each technician's apart), the person by a digest, not their e-mail.</summary>
    private static string Key(long workOrderId, string person) => string.Create(CultureInfo.InvariantCulture,
        $"fleetops.checklist.{workOrderId}.{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(person)))[..16]}");

    /// <summary>The browser's storage cannot be reached or read now: the page goes on without the draft.</summary>
    private static bool IsUnavailable(Exception e) =>
        e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException or CryptographicException;
}
