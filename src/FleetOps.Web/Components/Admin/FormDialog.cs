using MudBlazor;

namespace FleetOps.Web.Components.Admin;

/// <summary>How the store and terminal forms open: a readable column on a tablet or desktop, the whole screen of a phone
/// (the <c>form-dialog</c> class, wwwroot/css/app.css: a CSS rule needs no viewport query over the circuit), and never
/// closed by a stray tap beside them (that would throw away what was typed).</summary>
public static class FormDialog
{
    public static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false,
    };
}
