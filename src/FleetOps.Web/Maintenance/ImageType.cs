namespace FleetOps.Web.Maintenance;

/// <summary>An image format told by its first bytes (its "magic"), never by a file name or a client's content type.</summary>
public sealed record ImageType(string ContentType, string Extension)
{
    public static ImageType? Of(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return new("image/jpeg", "jpg");
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return new("image/png", "png");
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return new("image/webp", "webp");
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8) && (b[8..12].SequenceEqual("heic"u8) || b[8..12].SequenceEqual("heix"u8) || b[8..12].SequenceEqual("mif1"u8)))
            return new("image/heic", "heic");
        return null;
    }
}
