using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FleetOps.Web.Security;

/// <summary>
/// Terminal keys, held in memory as SHA-256 hashes so authentication costs no database round trip.
/// The database keeps only the hash; the key itself is shown once at registration.
/// </summary>
public sealed class TerminalKeys
{
    // One map, from hash to terminal: authentication only ever looks a key up by its hash. The reverse direction is
    // needed only when a terminal's key is replaced, which is rare enough to find the old entry by a scan, so 100,000
    // terminals do not pay for a second map (~7 MB). A plain dictionary under a lock rather than a concurrent one: its
    // entries are inline structs (48 bytes) instead of one node object each (~72 bytes), and the lock is held for one
    // lookup, so 24 connections authenticating at once do not queue behind it noticeably.
    private readonly Dictionary<Digest, string> _terminalByHash = new();
    private readonly Lock _gate = new();

    /// <summary>A new random key: 32 bytes, URL-safe base64, prefixed so leaked keys are recognisable.</summary>
    public static string NewKey() => "tk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Gives a terminal its (new) key hash; the key it had before stops working at once.</summary>
    public void Set(string terminalId, byte[] hash) => SetMany([(terminalId, hash)]);

    /// <summary>
    /// Gives many terminals their key hashes with one scan for the keys they replace (a bulk import or another node's
    /// change of thousands of terminals: one pass over the map instead of one per terminal).
    /// </summary>
    public void SetMany(IReadOnlyCollection<(string TerminalId, byte[] Hash)> keys)
    {
        // Ignoring case, like the fleet: ids are unique ignoring case, so a change naming a terminal in another case replaces its key.
        var next = new Dictionary<string, Digest>(keys.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (terminalId, hash) in keys) next[terminalId] = Digest.Of(hash);
        lock (_gate)
        {
            if (_terminalByHash.Count > 0)
            {
                List<Digest>? replaced = null;
                foreach (var (digest, terminalId) in _terminalByHash)
                {
                    if (next.TryGetValue(terminalId, out var newer) && newer != digest) (replaced ??= []).Add(digest);
                }
                if (replaced is not null)
                {
                    foreach (var digest in replaced) _terminalByHash.Remove(digest);
                }
            }
            foreach (var (terminalId, digest) in next) _terminalByHash[digest] = terminalId;
        }
    }

    /// <summary>Replaces every key (the start-up rebuild from the database).</summary>
    public void Load(IEnumerable<(string TerminalId, byte[] Hash)> keys)
    {
        lock (_gate)
        {
            _terminalByHash.Clear();
            foreach (var (terminalId, hash) in keys) _terminalByHash[Digest.Of(hash)] = terminalId;
            // The table grew by doubling while the rows streamed in: up to half of it would be empty slots for good.
            _terminalByHash.TrimExcess();
        }
    }

    /// <summary>
    /// Checks a presented key against the terminal the request claims to be (named in any letter case);
    /// <paramref name="ownerTerminalId"/> is the id as registered.
    /// </summary>
    public KeyCheck Check(string presentedKey, string? claimedTerminalId, out string? ownerTerminalId)
    {
        var digest = Digest.Of(Hash(presentedKey));
        lock (_gate)
        {
            if (!_terminalByHash.TryGetValue(digest, out ownerTerminalId)) return KeyCheck.UnknownKey;
        }
        return claimedTerminalId is null || string.Equals(claimedTerminalId, ownerTerminalId, StringComparison.OrdinalIgnoreCase)
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
