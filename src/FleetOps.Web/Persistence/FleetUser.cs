using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace FleetOps.Web.Persistence;

/// <summary>A person who signs in to FleetOps (ASP.NET Core Identity user with FleetOps' own fields).</summary>
public sealed class FleetUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in, loses open pages at once and their API tokens stop working.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language the user chose in the user menu ("zh-CN", "en"); null until they choose (the browser's then).</summary>
    [MaxLength(16)]
    public string? Culture { get; set; }

    /// <summary>
    /// The language of the page they last signed in from (their cookie or browser then). Written things with no page to
    /// ask — e-mail, calendar entries — use it while <see cref="Culture"/> is unset; pages never do: they follow the
    /// browser until the person chooses, so one sign-in from a colleague's browser does not decide every later page.
    /// </summary>
    [MaxLength(16)]
    public string? SignInCulture { get; set; }
}
