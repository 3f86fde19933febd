using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FleetOps.Web.Security;

/// <summary>
/// Terminal keys, held in memory as SHA-256 hashes so authentication costs no database round trip.
/// The database keeps only the hash; the key itself is shown once at registration.
/// </summary>
public sealed class TerminalKeys
{
    private readonly ConcurrentDictionary<string, string> _terminalByHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _hashByTerminal = new(StringComparer.Ordinal);

    /// <summary>A new random key: 32 bytes, URL-safe base64, prefixed so leaked keys are recognisable.</summary>
    public static string NewKey() => "tk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public void Set(string terminalId, byte[] hash)
    {
        if (_hashByTerminal.TryGetValue(terminalId, out var old)) _terminalByHash.TryRemove(Convert.ToHexString(old), out _);
        _hashByTerminal[terminalId] = hash;
        _terminalByHash[Convert.ToHexString(hash)] = terminalId;
    }

    public void Clear()
    {
        _terminalByHash.Clear();
        _hashByTerminal.Clear();
    }

    /// <summary>Checks a presented key against the terminal the request claims to be.</summary>
    public KeyCheck Check(string presentedKey, string? claimedTerminalId, out string? ownerTerminalId)
    {
        var hash = Hash(presentedKey);
        if (!_terminalByHash.TryGetValue(Convert.ToHexString(hash), out ownerTerminalId)
            || !_hashByTerminal.TryGetValue(ownerTerminalId, out var stored)
            || !CryptographicOperations.FixedTimeEquals(hash, stored))
        {
            ownerTerminalId = null;
            return KeyCheck.UnknownKey;
        }
        return claimedTerminalId is null || string.Equals(claimedTerminalId, ownerTerminalId, StringComparison.Ordinal)
            ? KeyCheck.Valid
            : KeyCheck.OtherTerminal;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
