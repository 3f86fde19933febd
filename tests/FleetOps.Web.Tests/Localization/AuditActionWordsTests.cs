using System.Globalization;
using FleetOps.Web.Components.Admin;
using FleetOps.Web.Localization;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// Every action the back end can record has its own words on the audit page, in both languages: an action added to
/// AuditActions without them would read as its English code ("Settlement report imported") in the Chinese log.
/// </summary>
public sealed class AuditActionWordsTests
{
    public static TheoryData<string> Actions => new(AuditLook.Actions);

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_action_has_words_of_its_own_in_both_languages(string action)
    {
        static string Words(string action, string language) =>
            AuditLook.Words(action, new CultureLocalizer<UiText>(UiCulture.Fixed(CultureInfo.GetCultureInfo(language))));

        // The page's fallback for an action it does not know is its code as English words, in every language.
        Assert.NotEqual(char.ToUpperInvariant(action[0]) + action[1..].Replace('_', ' '), Words(action, "zh-CN"));
        Assert.DoesNotContain("⟦", Words(action, "en"), StringComparison.Ordinal);
    }
}
