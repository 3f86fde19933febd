using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// What an import is told besides the file's bytes: its name and type (the onboarding import's two formats), the acquirer
/// whose report it is, the saved mapping profile (null or <c>generic</c>: the built-in format) and who sends it.
/// </summary>
public sealed record ReportUpload(string FileName, ImportFormat Format, string Acquirer, string? Profile, string Actor);
