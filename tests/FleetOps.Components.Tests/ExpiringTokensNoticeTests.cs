using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.RoleHomes;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// A person's API tokens that expire within a week are pointed out on their home, whatever their role, so that a script
/// is given a new token before it stops; nobody else's, and none that is revoked, far off or already expired.
/// </summary>
public sealed class ExpiringTokensNoticeTests : FleetComponentTest
{
    private ApiTokenDirectory Tokens => Services.GetRequiredService<ApiTokenDirectory>();

    public ExpiringTokensNoticeTests() => AddStore("S-1");

    private ApiTokenInfo Make(UserAccess owner, string name, int days) =>
        Wait(() => Tokens.CreateAsync(owner.UserId, name, TimeSpan.FromDays(days))).Info;

    [Fact]
    public void A_technicians_home_names_the_token_that_expires_within_a_week_and_links_to_the_tokens_page()
    {
        var technician = SignInAsTechnician("S-1");
        Make(technician, "calendar sync", 30);
        Make(technician, "nightly export", 90);
        Wait(() => Tokens.CreateAsync(technician.UserId, "till integration", null));

        Clock.Advance(TimeSpan.FromDays(22));
        Assert.Empty(Render<Home>().FindAll("[data-testid=expiring-tokens]"));

        Clock.Advance(TimeSpan.FromDays(3));
        var cut = Render<Home>();

        var notice = cut.WaitForElement("[data-testid=expiring-tokens]");
        Assert.Contains("Your API token calendar sync expires in 5 d: make a new one for whatever uses it, then revoke this one.", notice.TextContent);
        Assert.EndsWith("account/tokens", notice.QuerySelector("[data-testid=expiring-tokens-link]")!.GetAttribute("href"));
    }

    [Fact]
    public void Several_tokens_expiring_are_named_together_and_revoked_expired_or_other_peoples_are_not()
    {
        var manager = SignInAsStoreManager("S-1");
        var other = CreateUser(Roles.StoreManager, stores: ["S-1"]);
        Make(manager, "nightly export", 30);
        Make(manager, "wall screen", 31);
        var revoked = Make(manager, "old script", 30);
        Wait(() => Tokens.RevokeAsync(revoked.Id, manager.UserId, anyOwner: false, manager.Email));
        Make(manager, "laptop", 24);
        Make(other, "someone else's", 30);
        Clock.Advance(TimeSpan.FromDays(25));

        var cut = Render<Home>();

        var notice = cut.WaitForElement("[data-testid=expiring-tokens]");
        Assert.Contains("2 of your API tokens expire within a week: nightly export, wall screen.", notice.TextContent);
    }

    [Fact]
    public void The_notice_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var technician = SignInAsTechnician("S-1");
        Make(technician, "calendar sync", 30);
        Clock.Advance(TimeSpan.FromDays(28));

        var cut = Render<Home>();

        var notice = cut.WaitForElement("[data-testid=expiring-tokens]");
        Assert.Contains("您的 API 令牌“calendar sync”将在 2 天后到期：请为使用它的系统创建新令牌，然后吊销此令牌。", notice.TextContent);
        Assert.Contains("打开 API 令牌", notice.TextContent);
    }
}
