namespace FleetOps.Web.Api;

/// <summary>A new calendar feed: the token, shown this once, and the feed's address to paste into a calendar app.</summary>
public sealed record FeedTokenDto(string Token, string Url);
