using System.Text;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// What an import did: on success the counts and the new terminals' keys (shown once); otherwise nothing was written and
/// <see cref="Errors"/> lists the first <see cref="OnboardingImport.MaxListedErrors"/> of <see cref="ErrorCount"/> problems.
/// </summary>
public sealed record ImportOutcome(int Stores, int Terminals, IReadOnlyList<ImportError> Errors, int ErrorCount,
    IReadOnlyList<RegisteredTerminal> Keys, bool TooLarge = false, bool LostRaceWithAnotherNode = false)
{
    public bool Imported => ErrorCount == 0 && !TooLarge && !LostRaceWithAnotherNode;

    public static ImportOutcome Refused(IReadOnlyList<ImportError> errors, int errorCount) => new(0, 0, errors, errorCount, []);

    /// <summary>The keys file: "terminalId,key" per line. Ids and keys hold no comma or quote (identifier pattern, base64url).</summary>
    public string KeysCsv()
    {
        var text = new StringBuilder(Keys.Count * 72);
        text.Append("terminalId,key\n");
        foreach (var terminal in Keys) text.Append(terminal.TerminalId).Append(',').Append(terminal.Key).Append('\n');
        return text.ToString();
    }
}
