using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// The training forms' fields by the labels people see. <see cref="FleetOps.Web.Training.TrainingService"/> refuses by the
/// wire field ("'role' is required."), as the API must (PROTOCOL §9); the forms check what is required themselves, all
/// fields at once (like the work-order form), and a refusal the service still makes is shown with the form's label in
/// place of the wire name, in the reader's language.
/// </summary>
public static class TrainingFields
{
    public static string Label(IStringLocalizer<UiText> texts, string field) => field switch
    {
        "name" => texts["Training.Name"],
        "role" => texts["Training.Role"],
        "startedOn" => texts["Training.StartedOn"],
        "programme" => texts["Training.Programme"],
        "heldOn" => texts["Training.HeldOn"],
        "trainer" => texts["Training.Trainer"],
        _ => field,
    };

    /// <summary>"Role is required" in the reader's language, naming the form's label.</summary>
    public static string Required(IStringLocalizer<UiText> texts, string field) => texts["Problem.FieldRequired", Label(texts, field)];

    /// <summary>The service's refusal with the field's label where it quotes the wire name ('startedOn' → 'Started on').</summary>
    public static string Refusal(IStringLocalizer<UiText> texts, UiFormat format, string? field, string detail) =>
        format.Message(detail, field, field is null ? null : Label(texts, field));
}
