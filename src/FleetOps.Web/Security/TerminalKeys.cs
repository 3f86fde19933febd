using System.Buffers.Binary;
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
    // Hashes are held as four longs, not as hex strings and arrays: at 100,000 terminals that is ~20 MB less.
    private readonly ConcurrentDictionary<Digest, string> _terminalByHash = new();
    private readonly ConcurrentDictionary<string, Digest> _hashByTerminal = new(StringComparer.Ordinal);

    /// <summary>A new random key: 32 bytes, URL-safe base64, prefixed so leaked keys are recognisable.</summary>
    public static string NewKey() => "tk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public void Set(string terminalId, byte[] hash)
    {
        var digest = Digest.Of(hash);
        if (_hashByTerminal.TryGetValue(terminalId, out var old)) _terminalByHash.TryRemove(old, out _);
        _hashByTerminal[terminalId] = digest;
        _terminalByHash[digest] = terminalId;
    }

    public void Clear()
    {
        _terminalByHash.Clear();
        _hashByTerminal.Clear();
    }

    /// <summary>Checks a presented key against the terminal the request claims to be.</summary>
    public KeyCheck Check(string presentedKey, string? claimedTerminalId, out string? ownerTerminalId)
    {
        var digest = Digest.Of(Hash(presentedKey));
        if (!_terminalByHash.TryGetValue(digest, out ownerTerminalId)
            || !_hashByTerminal.TryGetValue(ownerTerminalId, out var stored)
            || stored != digest)
        {
            ownerTerminalId = null;
            return KeyCheck.UnknownKey;
        }
        return claimedTerminalId is null || string.Equals(claimedTerminalId, ownerTerminalId, StringComparison.Ordinal)
            ? KeyCheck.Valid
            : KeyCheck.OtherTerminal;
    }

    /// <summary>A SHA-256 hash as a value: compared and hashed without allocating.</summary>
    private readonly record struct Digest(ulong A, ulong B, ulong C, ulong D)
    {
        public static Digest Of(ReadOnlySpan<byte> hash) => new(BinaryPrimitives.ReadUInt64LittleEndian(hash),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]), BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
