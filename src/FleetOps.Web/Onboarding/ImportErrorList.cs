namespace FleetOps.Web.Onboarding;

/// <summary>
/// Every problem of a file is counted, the first <see cref="OnboardingImport.MaxListedErrors"/> are kept: a file of
/// 100,000 bad rows must not become a 100,000-line answer, and the person fixing it still learns how many there are.
/// </summary>
public sealed class ImportErrorList
{
    private readonly List<ImportError> _listed = [];

    public IReadOnlyList<ImportError> Listed => _listed;
    public int Count { get; private set; }

    public void Add(int row, string? column, string error)
    {
        Count++;
        if (_listed.Count < OnboardingImport.MaxListedErrors) _listed.Add(new ImportError(row, column, error));
    }
}
