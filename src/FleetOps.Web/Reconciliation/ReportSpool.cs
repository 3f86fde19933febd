using System.Security.Cryptography;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// A report's bytes copied to a temporary file as they arrive (a multipart section, a browser upload), hashed on the way:
/// the import reads the file twice (checked, then matched), and nothing of it is held in memory. The file is deleted
/// when this is disposed. <see cref="TooLarge"/> is set, and the copy stopped, once more than the limit arrived.
/// </summary>
public sealed class ReportSpool : IAsyncDisposable
{
    private const int BufferBytes = 81_920;

    private readonly string _path;

    private ReportSpool(string path, long length, string hash, bool tooLarge)
    {
        _path = path;
        Length = length;
        Hash = hash;
        TooLarge = tooLarge;
    }

    public long Length { get; }

    /// <summary>SHA-256 of the bytes, lower-case hex: the same file imported twice is recognised by it.</summary>
    public string Hash { get; }

    public bool TooLarge { get; }

    public static async Task<ReportSpool> CreateAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fleetops-report-{Guid.NewGuid():N}.tmp");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous))
        {
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes) break;
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return new ReportSpool(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()), length > maxBytes);
    }

    /// <summary>A new read of the whole file (each pass opens its own).</summary>
    public FileStream OpenRead() => new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
