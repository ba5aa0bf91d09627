namespace KetamineCds.Domain.Screening;

/// <summary>
/// One field of the screening contract (<c>shared/api/screening-v1.md</c>), declared once in <see cref="Fields"/>:
/// its wire name, type, the clinician's label and help, its range or choices, when it is required, and what its
/// absence means. The JSON reader and writer, the validator, the form, the rule catalogue document and the
/// translations all read it from here.
/// </summary>
public abstract class FieldDefinition
{
    private protected FieldDefinition(string name, FieldType type, FieldSection section, string label, Type? choiceType)
    {
        if ((type is FieldType.Choice or FieldType.ChoiceList) != choiceType is { IsEnum: true })
        {
            throw new ArgumentException($"Field {name}: a choice or a choice list holds the values of one enumeration, and no other field does.", nameof(choiceType));
        }

        Name = name;
        Type = type;
        ChoiceType = choiceType;
        Section = section;
        Label = label;
        Property = char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>The contract's camelCase name, e.g. <c>failedAdequateTrials</c>.</summary>
    public string Name { get; }

    /// <summary>The PascalCase property name of <see cref="PatientHistory"/> and the request that hold it.</summary>
    public string Property { get; }

    public FieldType Type { get; }

    public FieldSection Section { get; }

    /// <summary>The field in a clinician's words, used in labels and messages.</summary>
    public string Label { get; }

    /// <summary>The resource key of the label's translations, e.g. <c>Field.ageYears.Label</c>; the English is <see cref="Label"/>.</summary>
    public string LabelKey => $"Field.{Name}.Label";

    /// <summary>The resource key of the help's translations, e.g. <c>Field.ageYears.Help</c>.</summary>
    public string HelpKey => $"Field.{Name}.Help";

    /// <summary>The resource key of the unit's translations, e.g. <c>Field.ageYears.Unit</c>.</summary>
    public string UnitKey => $"Field.{Name}.Unit";

    /// <summary>The resource key of a choice's display name, e.g. <c>Field.psychosis.Choice.active</c>.</summary>
    public string ChoiceKey(string value) => $"Field.{Name}.Choice.{value}";

    /// <summary>A short hint shown under the control, or null.</summary>
    public string? Help { get; init; }

    /// <summary>The unit a number is in (<c>mmHg</c>), or null.</summary>
    public string? Unit { get; init; }

    /// <summary>The unit for a value of exactly 1 in English (<c>week</c>), where it differs from <see cref="Unit"/>; else null.</summary>
    public string? UnitOfOne { get; init; }

    /// <summary>
    /// For a choice or a choice list: the Domain enumeration its values are, whose contract strings are
    /// <see cref="Choices"/> (the OpenAPI document names the values' component after it); null for any other field.
    /// </summary>
    public Type? ChoiceType { get; }

    /// <summary>The contract strings a choice or choice list allows, in the contract's order.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The smallest number allowed, or null.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest number allowed, or null.</summary>
    public decimal? Max { get; init; }

    /// <summary>The most characters a text may have, or null.</summary>
    public int? MaxLength { get; init; }

    /// <summary>True when every request must record the field.</summary>
    public bool Required { get; init; }

    /// <summary>When the field is required although <see cref="Required"/> is false, or null.</summary>
    public AnswerCondition? RequiredWhen { get; init; }

    /// <summary>When the form asks the field at all (it is hidden otherwise), or null for always.</summary>
    public AnswerCondition? AskedWhen { get; init; }

    /// <summary>
    /// Where the form asks the field within its section (<see cref="Fields.AsAskedIn"/>): a lower value first, equal values
    /// in the catalogue's order; 0 unless set. The form's alone: the contract, its JSON and every other list of fields keep
    /// the order of <see cref="Fields.All"/>, the contract's.
    /// </summary>
    public int FormOrder { get; init; }

    /// <summary>
    /// True when the history calls for this question: the form asks it for these answers (<see cref="AskedWhen"/> holds,
    /// or it is always asked). A question the history does not call for (pregnancy for a man, the safety net without
    /// suicidality) is not missing when it is blank: the result page and the print leave it out of the answers.
    /// </summary>
    public bool IsAskedOf(PatientHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return IsAskedGiven(name => Fields.ContractValueOf(history, name));
    }

    /// <summary>The same, given each field's contract value by its name (a request's answers as the form holds them).</summary>
    public bool IsAskedGiven(Func<string, object?> valueOf) => AskedWhen is null || AskedWhen.Applies(valueOf);

    /// <summary>
    /// Whether the question may be asked once the answers still to come are given (<see cref="AnswerCondition.MayApply"/>,
    /// QA295 F3): a condition on an answer <paramref name="unknown"/> names is unknown, never false.
    /// </summary>
    public bool MayBeAskedGiven(Func<string, object?> valueOf, Func<string, bool> unknown) => AskedWhen is null || AskedWhen.MayApply(valueOf, unknown);

    /// <summary>Another field (its contract name) this number may not exceed when both are recorded, or null.</summary>
    public string? AtMost { get; init; }

    /// <summary>
    /// With <see cref="AtMost"/>, when this number is one part of the total it may not exceed (an item of a questionnaire's
    /// total): the most the total's other parts score together, or null. The number is then at least that total less this
    /// (<see cref="LeastWith"/>): the other eight PHQ-9 items score at most 3 each, 24 together, so a total of 27 means an
    /// item 9 of 3 (QA157 F2). Checked wherever <see cref="AtMost"/> is: the validator refuses the pair, and the FHIR
    /// reader sets both aside as contradicting.
    /// </summary>
    public int? OtherPartsAtMost { get; init; }

    /// <summary>
    /// The least this number can be beside <paramref name="total"/>, the value of the field named by <see cref="AtMost"/>:
    /// the total less <see cref="OtherPartsAtMost"/>; null when the field declares no such least.
    /// </summary>
    public decimal? LeastWith(decimal total) => OtherPartsAtMost is { } others ? total - others : null;

    /// <summary>Another field (its contract name) this number must exceed when both are recorded, or null.</summary>
    public string? Above { get; init; }

    /// <summary>Another field (its contract name) recorded together with this one, both or neither; or null.</summary>
    public string? RecordedWith { get; init; }

    /// <summary>When the field must be left empty because another answer rules it out, or null.</summary>
    public AnswerCondition? EmptyWhen { get; init; }

    /// <summary>
    /// For a yes/no: when another answer rules out a yes (pregnant when the sex at birth is male), or null. Unlike
    /// <see cref="EmptyWhen"/>, a no is consistent with that answer and accepted: a chart may record "not pregnant" for
    /// any patient, and refusing it would refuse nothing wrong.
    /// </summary>
    public AnswerCondition? YesRuledOutWhen { get; init; }

    /// <summary>
    /// The rule-set version that added the field (<c>1.3.0</c>), or null for a field asked from the first release, 1.0.0. A
    /// screening decided under an older rule set was never asked it: its form and API did not have the field, so the
    /// result page, the print and the audit entry show it as not asked then (<see cref="WasAskedUnder"/>), never as "Not
    /// recorded", which would say a clinician left it blank. Display only: the engine and the replay never read it. Set
    /// once, in <see cref="Fields"/>; docs/web.md lists each field added after 1.0.0 with this version, and a test holds
    /// the two together.
    /// </summary>
    public string? Since { get; init; }

    /// <summary>
    /// Whether a screening decided under rule set <paramref name="ruleSetVersion"/> could have recorded this field: true
    /// unless the version is older than <see cref="Since"/>. A version that does not read as a version number is taken as
    /// asked (the field then shows as not recorded, the safer reading).
    /// </summary>
    public bool WasAskedUnder(string? ruleSetVersion) =>
        Since is null
        || !System.Version.TryParse(ruleSetVersion, out var entry)
        || entry >= System.Version.Parse(Since);

    /// <summary>The contract value that holds when the field is not recorded (the jurisdiction: <c>us</c>), or null.</summary>
    public string? Default { get; init; }

    /// <summary>
    /// For an answer about the patient's present state or a recent window (today's blood pressure, suicidality now, a
    /// current medicine or episode, an infarction within 6 weeks, a recent score, pregnancy status): for how many days
    /// after it was recorded it still holds, 0 meaning the same day only (the clinic's day). An older answer is never
    /// carried into a new screening (a re-screen, a CDS Hooks call completed from an earlier screening): it is asked or
    /// measured again, so that an old "no" is never read as today's. An EHR's observation older than this is not read.
    /// Null: history (an aneurysm, a past haemorrhage, the diagnosis, this episode's trials), which holds until the
    /// clinician changes it.
    /// </summary>
    public int? CurrentForDays { get; init; }

    /// <summary>True when an answer recorded on <paramref name="recordedOn"/> still holds on <paramref name="today"/> (<see cref="CurrentForDays"/>).</summary>
    public bool IsCurrent(DateOnly recordedOn, DateOnly today) => CurrentForDays is not { } days || today.DayNumber - recordedOn.DayNumber <= days;

    /// <summary>
    /// Which of two recorded answers is the more cautious (<see cref="MoreCautiousAnswer"/>), or null when the field has
    /// no such order. Read where two sources answer the same question (the chart and a clinician's recent screening).
    /// </summary>
    public MoreCautiousAnswer? MoreCautious { get; init; }

    /// <summary>
    /// When <paramref name="other"/> is a more cautious answer than <paramref name="recorded"/> (<see cref="MoreCautious"/>):
    /// the answer that keeps what is cautious in both (the other answer; for a list, the two lists together, in the
    /// catalogue's order). Null when <paramref name="recorded"/> is as cautious or more, when the field declares no
    /// order, or when either value is not this field's contract value.
    /// </summary>
    /// <param name="recorded">A contract value of this field (a bool, a choice string, a list of choice strings).</param>
    /// <param name="other">Another contract value of this field.</param>
    public object? MoreCautiousOf(object recorded, object other) => MoreCautious switch
    {
        MoreCautiousAnswer.Yes when Type == FieldType.YesNo && recorded is false && other is true => true,
        MoreCautiousAnswer.No when Type == FieldType.YesNo && recorded is true && other is false => false,
        MoreCautiousAnswer.LaterChoice when Type == FieldType.Choice && recorded is string a && other is string b
            && ChoiceIndex(a) >= 0 && ChoiceIndex(b) > ChoiceIndex(a) => b,
        MoreCautiousAnswer.EveryChoice when Type == FieldType.ChoiceList && recorded is IEnumerable<string> a && other is IEnumerable<string> b
            && b.Except(a, StringComparer.Ordinal).Any(Choices.Contains) => Choices.Where(c => a.Contains(c, StringComparer.Ordinal) || b.Contains(c, StringComparer.Ordinal)).ToList(),
        _ => null,
    };

    private int ChoiceIndex(string value)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What it means when the field is not recorded.</summary>
    public NotRecordedMeans NotRecorded { get; init; }

    /// <summary>
    /// The id of the value set (<c>src/KetamineCds.Fhir/ValueSets/{id}.json</c>) whose codes decide this field when it is
    /// read from an EHR's FHIR data, or null when no value set fills it (docs/fhir-mapping.md).
    /// </summary>
    public string? ValueSet { get; init; }

    /// <summary>The value in the history, boxed; null when not recorded.</summary>
    public abstract object? ValueOf(PatientHistory history);

    /// <summary>True when the history records the field.</summary>
    public bool IsRecorded(PatientHistory history) => ValueOf(history) is not null;

    /// <summary>The <c>because</c> item for this field's value in the history.</summary>
    public abstract Evidence EvidenceOf(PatientHistory history);

    public override string ToString() => Name;
}
