using Microsoft.JSInterop;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>Bytes a page's script hands over as a stream (a pad's PNG, a stored draft), as bUnit plays the script.</summary>
public sealed class BytesReference(byte[] bytes) : IJSStreamReference
{
    /// <summary>A PNG by its first bytes, which is all the services check.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public long Length => bytes.Length;

    public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<Stream>(new MemoryStream(bytes));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
