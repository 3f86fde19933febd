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
}
