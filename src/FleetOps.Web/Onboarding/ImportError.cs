namespace FleetOps.Web.Onboarding;

/// <summary>
/// One problem of an onboarding file: its row as a spreadsheet numbers it (the header is row 1; 0 = the file as a whole),
/// the column, and what is wrong in words. The message never quotes the cell (it may hold a card number).
/// </summary>
public sealed record ImportError(int Row, string? Column, string Error);
