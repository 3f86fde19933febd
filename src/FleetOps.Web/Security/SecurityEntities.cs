using Microsoft.AspNetCore.Identity;

namespace FleetOps.Web.Security;

/// <summary>A person who signs in to FleetOps (ASP.NET Core Identity user with FleetOps' own fields).</summary>
public sealed class FleetUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in, loses open pages at once and their API tokens stop working.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ScopeKind { Region, Store }

/// <summary>One region or store a user is assigned to.</summary>
public sealed class UserScopeRow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ScopeKind Kind { get; set; }
    public required string Value { get; set; }
}

/// <summary>A management API token: only its SHA-256 hash is stored; it acts with its owner's role and scope.</summary>
public sealed class ApiTokenRow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>One line of the append-only audit log.</summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public long AtMs { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? RemoteAddress { get; set; }
}
