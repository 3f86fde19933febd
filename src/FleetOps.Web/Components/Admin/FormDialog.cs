using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>How the store and terminal forms open: the whole width of a phone, a readable column on a tablet or desktop,
/// and never closed by a stray tap beside them (that would throw away what was typed).</summary>
public static class FormDialog
{
    public static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false,
    };
}
