using FleetOps.Core.Training;
using FleetOps.Web.Training;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// The record-a-session form as the trainer fills it: the people trained and, per person, the programme's items they
/// completed (a trainer ticks one person at a time: someone called to the till misses the last items). Changing the
/// programme clears the ticks, since the items are another programme's. The signatures are the pads' drawings as the
/// editor read them on save. A refusal shown at a field goes once that field is changed: left standing, "tick at least one
/// person" read as if the tick just made had not counted.
/// </summary>
public sealed class SessionForm(string programme, string heldOn, string trainer)
{
    private readonly Dictionary<long, HashSet<string>> _ticked = [];
    private readonly Dictionary<string, string> _refusals = [];
    private string _programme = programme;
    private string? _heldOn = heldOn, _trainer = trainer;

    public string Programme
    {
        get => _programme;
        set
        {
            if (_programme == value) return;
            _programme = value;
            foreach (var items in _ticked.Values) items.Clear();
            Changed("programme", "completedItems");
            ProgrammeChosen?.Invoke(value);
        }
    }

    /// <summary>The trainer chose another programme (the page keeps it in its address).</summary>
    public event Action<string>? ProgrammeChosen;

    public string? HeldOn
    {
        get => _heldOn;
        set
        {
            if (_heldOn == value) return;
            _heldOn = value;
            Changed("heldOn");
        }
    }

    public string? Trainer
    {
        get => _trainer;
        set
        {
            if (_trainer == value) return;
            _trainer = value;
            Changed("trainer");
        }
    }

    public IReadOnlyCollection<long> People => _ticked.Keys;

    public bool Includes(long staffId) => _ticked.ContainsKey(staffId);

    /// <summary>A person taken in ticks every item (the usual case: they went through it all); untick what they missed.</summary>
    public void Include(long staffId, bool included, TrainingProgramme programme)
    {
        if (!included) _ticked.Remove(staffId);
        else if (!_ticked.ContainsKey(staffId)) _ticked[staffId] = programme.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        // Who is trained changed: whom the people refusal named ("still to sign: …") may no longer be ticked.
        Changed("staffIds", "completedItems", "signatures");
    }

    public bool Ticked(long staffId, string item) => _ticked.TryGetValue(staffId, out var items) && items.Contains(item);

    public void Tick(long staffId, string item, bool ticked)
    {
        if (!_ticked.TryGetValue(staffId, out var items)) return;
        if (ticked) items.Add(item);
        else items.Remove(item);
        Changed("completedItems");
    }

    /// <summary>The trainer's drawn signature, read from the pad when the form is saved.</summary>
    public byte[]? TrainerSignature { get; private set; }

    /// <summary>Each person's drawn signature, read from their pad when the form is saved.</summary>
    public IReadOnlyList<TraineeSignature> Signatures { get; private set; } = [];

    public void Sign(byte[]? trainer, IReadOnlyList<TraineeSignature> trainees) => (TrainerSignature, Signatures) = (trainer, trainees);

    /// <summary>A field refused, and why (shown at that field); several at once when several are missing.</summary>
    public void Refused(string field, string refusal) => _refusals[field] = refusal;

    /// <summary>A new attempt: what was refused before is checked again.</summary>
    public void ClearRefusals() => _refusals.Clear();

    /// <summary>What was refused at these fields is no longer what the form holds; save checks it again.</summary>
    private void Changed(params string[] fields)
    {
        foreach (var field in fields) _refusals.Remove(field);
    }

    public string? ErrorAt(string field) => _refusals.GetValueOrDefault(field);

    public bool HasRefusals => _refusals.Count > 0;

    public SessionDraft ToDraft(string storeCode, DateOnly? heldOn) =>
        new(storeCode, Programme, heldOn, Trainer, _ticked.Keys.ToList(), [],
            _ticked.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList()), TrainerSignature,
            Signatures.Where(s => _ticked.ContainsKey(s.StaffId)).ToList());
}
