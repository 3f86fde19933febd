namespace FleetOps.Web.Reconciliation;

/// <summary>How an import ended (PROTOCOL §11: 201, 200, 400, 413, 503).</summary>
public enum ReportImportStatus
{
    /// <summary>Stored and matched: 201.</summary>
    Imported,

    /// <summary>This very file (same SHA-256) was imported before: its first import is the answer, nothing changed (200).</summary>
    AlreadyImported,

    /// <summary>Nothing stored: missing or unknown columns, an unknown profile, or a full card number in a row (400).</summary>
    Refused,

    /// <summary>Larger than <see cref="ReconciliationService.MaxBytes"/> (413).</summary>
    TooLarge,

    /// <summary>Cancelled because the server was asked to stop: nothing stored, to be sent again (503).</summary>
    Stopped,
}
