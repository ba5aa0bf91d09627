using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Completeness;

/// <summary>
/// REC-001 to REC-006: a pathway is indicated, nothing recorded blocks it, but a safety item that could block it is not
/// recorded, so it cannot open yet: "not recorded" is never "no" (contract 1.1; P-SAFETY-REMS, SPRAVATO-PI-US).
/// </summary>
/// <remarks>
/// One rule per pathway. Its condition is built from the rule set's own contraindications: every contraindication that
/// reads a field whose absence can block (<see cref="NotRecordedMeans.CanBlock"/> in the field catalogue) and whose
/// answer is still undecided (<see cref="Truth.Unknown"/>) for the history, plus any item a pathway asks for itself
/// (suicidal intent for the suicidal-ideation pathway). Its <c>because</c> names each unrecorded field that leaves them
/// undecided. Contraindications whose fields only call for care (blood pressure, liver) are left out: their own
/// requirement rules say what to measure. The list is the one of the release that built the rule: a version that adds a
/// contraindication builds the rules again with <see cref="WaitingForContraindicationsOf"/>.
/// </remarks>
public sealed class PathwayCompleteness : Rule
{
    /// <summary>Each field's place in the catalogue (the form's order), built once rather than searched for at every comparison.</summary>
    private static readonly Dictionary<string, int> CatalogueIndex = Fields.All.Select((f, i) => (f.Name, i)).ToDictionary(e => e.Name, e => e.i, StringComparer.Ordinal);

    private readonly Condition _waitingFor;

    /// <summary>From 1.8.0: the answers that leave an item in doubt (item 9 beside "none") are not named as unrecorded items.</summary>
    private readonly bool _onlyUnrecorded;

    /// <summary>What the rule was built from, so that a later release can build it again with one item changed (<see cref="WaitingForRecentBehaviourOnlyWhereItDecides"/>).</summary>
    private readonly string _pathwayName;
    private readonly Condition _indication;
    private readonly Condition _blocking;
    private readonly string _blockerText;
    private readonly (Condition Condition, string Text)[] _extras;

    /// <summary>
    /// What a later release needs to build the rule again with one thing changed: the item-9 assessment waited for until it
    /// is recorded as done (<see cref="WaitingForItem9AssessmentUntilDone"/>), or the contraindications of a new version
    /// (<see cref="WaitingForContraindicationsOf"/>).
    /// </summary>
    private readonly Parts _parts;

    /// <summary>From 1.27.0: the assessment after a positive item 9 recorded as not done is named as what the pathway waits for.</summary>
    private readonly bool _namesAssessmentNotDone;

    private PathwayCompleteness(string id, Pathway pathway, string pathwayName, IReadOnlyList<string> principles, Condition indication, Condition blocking, string blockerText, (Condition Condition, string Text)[] extras, bool onlyUnrecorded,
        Parts parts, string? detail = null, bool namesAssessmentNotDone = false)
    {
        // The contraindications together: undecided when none holds and one waits for an answer. Each item the pathway
        // asks for itself is undecided on its own: it never decides the pathway, it is only waited for.
        _waitingFor = extras.Length == 0 ? blocking : Any([blocking, .. extras.Select(e => Undetermined(e.Condition))]);
        _onlyUnrecorded = onlyUnrecorded;
        (_pathwayName, _indication, _blocking, _blockerText, _extras) = (pathwayName, indication, blocking, blockerText, extras);
        (_parts, _namesAssessmentNotDone) = (parts, namesAssessmentNotDone);
        Detail = detail ?? BlankIsNeverNoDetail;
        Condition = All(indication, _waitingFor);
        Id = id;
        Pathway = pathway;
        Summary = $"Not recorded: the {pathwayName} pathway cannot open until the safety items listed are answered.";
        Principles = principles;
        ConditionText = $"The {pathwayName} pathway is indicated, nothing recorded blocks it, and a safety item that could block it is not recorded: {blockerText + string.Concat(extras.Select(e => ", or " + e.Text))}.";
    }

    public override string Id { get; }

    /// <summary>The pathway this rule keeps closed while its safety items are not recorded.</summary>
    public Pathway Pathway { get; }

    /// <summary>
    /// The fields this rule waits for on the contraindications' account: those its contraindications read, and from 1.8.0 the
    /// suicide-risk assessment after a positive PHQ-9 item 9, which leaves the suicidality they read in doubt. Not an item the
    /// pathway asks for itself (the life-limiting illness: it decides whether the pathway applies) unless a contraindication reads it.
    /// </summary>
    public IReadOnlyList<FieldDefinition> WaitsForOnTheContraindicationsAccount => _blocking.FieldsRead();

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; }

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText { get; }

    public override Condition Condition { get; }

    public override string Summary { get; }

    public override string Detail { get; }

    /// <summary>The detail of every completeness rule from 1.1.0 to 1.26.0.</summary>
    public const string BlankIsNeverNoDetail =
        "A blank answer is never read as no. The items listed are the unrecorded answers on which a question that could rule this pathway out still turns (for pregnancy, the sex at birth too), so the pathway stays incomplete until they are recorded; a contraindication that is recorded blocks it whatever else is missing. Record the answers and re-screen.";

    /// <summary>
    /// From 1.27.0, the sentence added to <see cref="BlankIsNeverNoDetail"/>: the item-9 assessment recorded as not done is
    /// waited for as a blank one is (QA293 F2; docs/clinical-review.md, section 39).
    /// </summary>
    public const string Item9AssessmentNotDoneDetail =
        " A suicide-risk assessment after a positive PHQ-9 item 9 that is recorded as not done is waited for as a blank one is: until it is done, the suicidality recorded as none has not been checked against the item, which calls for immediate follow-up (SUI-008).";

    /// <summary>
    /// From 1.27.0, the item-9 assessment item in words (<see cref="Indications.Item9AssessmentNotDone"/>): waited for until it is
    /// recorded as done, a recorded "No" as a blank. Replaces <see cref="Item9AssessmentWaitedForTextRecordedAsNone"/>'s words.
    /// </summary>
    public const string Item9AssessmentNotDoneWaitedForText =
        "suicidality is recorded as none beside a positive PHQ-9 item 9 and the suicide-risk assessment since is not recorded as done (not recorded, or recorded as not done)";

    /// <summary>
    /// From 1.28.0 (helper 297; docs/clinical-review.md, section 40), the summary of a completeness rule that waits for the
    /// item-9 assessment until it is recorded as done (<see cref="WaitingForItem9AssessmentUntilDone"/>, 1.27.0): what it lists
    /// is not recorded, or recorded as not done. 1.27.0 kept "Not recorded: … until the safety items listed are answered",
    /// which reads as a blank left by the clinician where all the rule waits for is the assessment recorded as not done.
    /// </summary>
    /// <param name="pathwayName">The pathway's name in the rule's words ("esketamine for treatment-resistant depression").</param>
    public static string SummaryWaitingForAssessmentNotDone(string pathwayName) =>
        $"Not recorded, or recorded as not done: the {pathwayName} pathway cannot open until the safety items listed are recorded and any suicide-risk assessment listed is recorded as done.";

    /// <summary>
    /// This rule's summary in 1.28.0's words (<see cref="SummaryWaitingForAssessmentNotDone"/>). Refused for a rule that does not
    /// wait for the assessment recorded as not done (built before 1.27.0): its summary is true as it stands.
    /// </summary>
    public string SummaryNamingAssessmentNotDone => _namesAssessmentNotDone
        ? SummaryWaitingForAssessmentNotDone(_pathwayName)
        : throw new InvalidOperationException($"{Id} does not wait for the suicide-risk assessment recorded as not done.");

    /// <summary>
    /// The item the completeness rules wait for from 1.8.0 (<c>waitForItem9Assessment</c>), in the words 1.8.0 to 1.12.0 give
    /// it. "No suicidality is recorded" reads as a blank where it means the answer "none"; 1.13.0 rewords it
    /// (<see cref="Item9AssessmentWaitedForTextRecordedAsNone"/>; docs/clinical-review.md, section 21), and the releases before keep these words.
    /// </summary>
    public const string Item9AssessmentWaitedForText =
        "no suicidality is recorded beside a positive PHQ-9 item 9 and the suicide-risk assessment since is not recorded";

    /// <summary>The same item in 1.13.0's words: suicidality "recorded as none", never a blank.</summary>
    public const string Item9AssessmentWaitedForTextRecordedAsNone =
        "suicidality is recorded as none beside a positive PHQ-9 item 9 and the suicide-risk assessment since is not recorded";

    /// <summary>
    /// From 1.5.0, the item REC-002 waits for with passive ideation or active ideation without a plan: preparatory acts or an
    /// aborted or interrupted attempt, where the answer decides whether the risk is imminent (and, with passive ideation,
    /// whether the pathway applies) (docs/clinical-review-1.5.0.md, B1 and the REC-002 row).
    /// </summary>
    private static readonly (Condition Condition, string Text) RecentBehaviour =
        (All(In(Fields.Suicidality, Suicidality.PassiveIdeation, Suicidality.ActiveIdeation), True(Fields.PreparatoryActsOrAbortedAttempt)),
         "preparatory acts or an aborted or interrupted attempt are not recorded for passive ideation or active ideation without a plan");

    /// <summary>
    /// From 1.25.0, <see cref="RecentBehaviour"/> waited for only where the answer can still decide something: with passive
    /// ideation, or with active ideation without a plan and suicidal intent not recorded as present. Active ideation with
    /// intent is imminent risk already (<see cref="Indications.ImminentSuicideRisk"/>), so the answer then decides neither
    /// the risk (SUI-007, SUI-009, SUI-011) nor the indication (QA272 F2; docs/clinical-review.md, section 37). Intent not
    /// recorded is not "no": the item still waits beside it, since intent recorded "no" would leave the risk to this answer.
    /// </summary>
    private static readonly (Condition Condition, string Text) RecentBehaviourWhereItDecides =
        (All(Any(Is(Fields.Suicidality, Suicidality.PassiveIdeation), All(Is(Fields.Suicidality, Suicidality.ActiveIdeation), NotTrue(Fields.SuicidalIntent))), True(Fields.PreparatoryActsOrAbortedAttempt)),
         "preparatory acts or an aborted or interrupted attempt are not recorded for passive ideation, or for active ideation without a plan where suicidal intent is not recorded as present");

    /// <summary>From 1.16.0, the item REC-005 waits for while the palliative pathway cannot yet be ruled out (PAL-001).</summary>
    public const string LifeLimitingIllnessWaitedForText = "a life-limiting illness is not recorded";

    /// <summary>Only the unrecorded items: the indication that also holds is stated by the pathway's own rule.</summary>
    internal override void Explain(EvaluationScope scope, List<Evidence> because)
    {
        _waitingFor.Explain(scope, because);
        if (_onlyUnrecorded)
        {
            // From 1.27.0 the assessment after a positive item 9 is named whether blank or recorded as not done: it is waited for either way.
            because.RemoveAll(e => e.Value != WireNames.NotRecorded && !(_namesAssessmentNotDone && e.Field == Fields.SuicideRiskAssessedAfterItem9.Name));
        }

        // In the form's order (the catalogue's), not the contraindications' rule-id order.
        because.Sort((a, b) => CatalogueIndex.GetValueOrDefault(a.Field, int.MaxValue).CompareTo(CatalogueIndex.GetValueOrDefault(b.Field, int.MaxValue)));
    }

    /// <summary>The condition in words of the item this rule waits for, as <see cref="RecentBehaviour"/> words it (1.5.0 to 1.24.0).</summary>
    public static string RecentBehaviourWaitedForText => RecentBehaviour.Text;

    /// <summary>The condition in words of the item from 1.25.0 (<see cref="RecentBehaviourWhereItDecides"/>).</summary>
    public static string RecentBehaviourWaitedForWhereItDecidesText => RecentBehaviourWhereItDecides.Text;

    /// <summary>
    /// From 1.25.0: this rule built again, everything as it is (indication, contraindications, the other items, their order)
    /// but the recent behaviour it waits for, which it waits for only where the answer can still decide something
    /// (<see cref="RecentBehaviourWhereItDecides"/>). Refused for a rule that does not wait for recent behaviour.
    /// </summary>
    public PathwayCompleteness WaitingForRecentBehaviourOnlyWhereItDecides()
    {
        var at = Array.FindIndex(_extras, e => e.Condition.Canonical == RecentBehaviour.Condition.Canonical);
        if (at < 0)
        {
            throw new InvalidOperationException($"{Id} does not wait for recent suicidal behaviour.");
        }

        (Condition Condition, string Text)[] extras = [.. _extras];
        extras[at] = RecentBehaviourWhereItDecides;
        return new PathwayCompleteness(Id, Pathway, _pathwayName, Principles, _indication, _blocking, _blockerText, extras, _onlyUnrecorded, _parts, Detail, _namesAssessmentNotDone);
    }

    /// <summary>
    /// From 1.27.0 (QA293 F2; docs/clinical-review.md, section 39): the completeness rules of <paramref name="from"/> built
    /// again, each as it is (pathway, indication, contraindications, the items it asks for itself, their order and words) but
    /// for the item-9 assessment: every rule waits for it until it is recorded as done (<see cref="Indications.Item9AssessmentNotDone"/>),
    /// a recorded "No" as a blank, and names it either way; REC-002's indication reads the suicidal-ideation pathway as not
    /// ruled out in the same way (<see cref="Indications.SuicidalIdeationNotRuledOutUntilAssessed"/>). The condition in words
    /// says so (<see cref="Item9AssessmentNotDoneWaitedForText"/>) and the detail adds <see cref="Item9AssessmentNotDoneDetail"/>.
    /// Every rule must wait for the assessment already (from 1.8.0).
    /// </summary>
    public static IReadOnlyList<PathwayCompleteness> WaitingForItem9AssessmentUntilDone(RuleSet from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var rules = from.Pathways.Select(p => from[p.CompletenessRuleId!].AsDefined).Cast<PathwayCompleteness>().ToArray();
        if (rules.Any(r => !r._onlyUnrecorded))
        {
            throw new InvalidOperationException("Every completeness rule must wait for the item-9 assessment already (from 1.8.0).");
        }

        // One shared condition for the rules that wait for the same contraindications (decided once per screening).
        var blockingFor = new Dictionary<string, Condition>(StringComparer.Ordinal);
        return
        [
            .. rules.Select(r =>
            {
                var undecided = r._parts.ContraindicationsUndecided;
                if (!blockingFor.TryGetValue(undecided.Canonical, out var blocking))
                {
                    blockingFor[undecided.Canonical] = blocking = Shared(Any(undecided, Indications.Item9AssessmentNotDone));
                }

                // REC-002's indication is SUI-001's of 1.8.0 (indicated, or not yet ruled out), the item-9 branch waiting until done.
                var indication = r.Pathway == Pathway.EsketamineSuicidalIdeation
                    ? Any(
                        Indications.SuicidalMddWithRecentBehaviour,
                        All(Indications.MddInEpisode, Is(Fields.Suicidality, Suicidality.PassiveIdeation), NotRecorded(Fields.PreparatoryActsOrAbortedAttempt)),
                        All(Indications.MddInEpisode, Indications.NoSuicidalityAgainstPositiveItem9, NotTrue(Fields.SuicideRiskAssessedAfterItem9)))
                    : r._parts.Indication;
                return new PathwayCompleteness(
                    r.Id, r.Pathway, r._pathwayName, r.Principles, All(indication, r._parts.NothingBlocks), blocking,
                    r._blockerText.Replace(Item9AssessmentWaitedForText, Item9AssessmentNotDoneWaitedForText, StringComparison.Ordinal),
                    r._extras, onlyUnrecorded: true, r._parts with { Indication = indication, AlsoWaitingFor = Indications.Item9AssessmentNotDone },
                    BlankIsNeverNoDetail + Item9AssessmentNotDoneDetail, namesAssessmentNotDone: true);
            }),
        ];
    }

    /// <summary>
    /// The completeness rules of <paramref name="ruleSet"/> built again to wait for its own contraindications: for a version
    /// that adds a contraindication (or restates or removes one), declared as a difference from the one before in two steps,
    /// <c>var rules = previous.Next(version, add: [contraindication])</c>, then
    /// <c>rules.Next(version, replace: [.. PathwayCompleteness.WaitingForContraindicationsOf(rules)])</c>. Each rule waits while
    /// a contraindication of the set that reads a <see cref="NotRecordedMeans.CanBlock"/> field is undecided, waits for nothing
    /// once any contraindication holds, and names the new list in its condition in words; everything else is as
    /// <paramref name="ruleSet"/> has it: pathway, indication, the items it asks for itself, the item-9 assessment, and its
    /// words, those a release gave it (<see cref="Rule.Reworded"/>) included. From a set whose contraindications are those its
    /// completeness rules wait for, each rule comes back as it is.
    /// </summary>
    public static IReadOnlyList<Rule> WaitingForContraindicationsOf(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (undecided, ids, nothingBlocks) = ContraindicationsOf(ruleSet);
        return
        [
            .. ruleSet.Pathways.Select(p => ruleSet[p.CompletenessRuleId!]).Select(released =>
            {
                var was = (PathwayCompleteness)released.AsDefined;
                if (released.Condition.Canonical != was.Condition.Canonical)
                {
                    throw new InvalidOperationException($"{released.Id} is restated: its condition is not the one it was built with.");
                }

                var parts = was._parts with { NothingBlocks = nothingBlocks, ContraindicationsUndecided = undecided, ContraindicationIds = ids };
                var (before, after) = (ContraindicationsUndecidedText(was._parts.ContraindicationIds), ContraindicationsUndecidedText(ids));
                var rebuilt = new PathwayCompleteness(
                    was.Id, was.Pathway, was._pathwayName, was.Principles, All(parts.Indication, nothingBlocks),
                    parts.AlsoWaitingFor is null ? undecided : Shared(Any(undecided, parts.AlsoWaitingFor)),
                    was._blockerText.Replace(before, after, StringComparison.Ordinal), was._extras, was._onlyUnrecorded, parts, was.Detail, was._namesAssessmentNotDone);
                return rebuilt.WithTheWordsOf(released, before, after);
            }),
        ];
    }

    /// <summary>
    /// This rule with the words a release gave <paramref name="released"/> (<see cref="Rule.Reworded"/>), its condition in words
    /// naming the contraindications <paramref name="after"/> where it named <paramref name="before"/>; itself where they are its own.
    /// </summary>
    private Rule WithTheWordsOf(Rule released, string before, string after)
    {
        if (!released.ConditionText.Contains(before, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Id}'s condition in words does not name its contraindications as \"{before}\".");
        }

        string? IfReworded(string releasedText, string builtText) => releasedText == builtText ? null : releasedText;
        var summary = IfReworded(released.Summary, Summary);
        var detail = IfReworded(released.Detail, Detail);
        var conditionText = IfReworded(released.ConditionText.Replace(before, after, StringComparison.Ordinal), ConditionText);
        return summary is null && detail is null && conditionText is null ? this : Reworded(summary, detail, conditionText);
    }

    /// <summary>
    /// What the completeness rules of <paramref name="ruleSet"/> read of its contraindications: "undecided", for those that read
    /// a field whose absence can block, with their ids; and "none holds", for every one. Each is one shared condition for every
    /// pathway: the contraindications are decided once per screening. A pathway that a recorded contraindication already
    /// blocks (any contraindication, those of required or care-only fields too) waits for nothing: it is not eligible
    /// whatever else is answered.
    /// </summary>
    private static (Condition Undecided, string[] Ids, Condition NothingBlocks) ContraindicationsOf(RuleSet ruleSet)
    {
        var contraindications = ruleSet.Rules.Where(r => r.Kind == FindingKind.Contraindication).ToArray();
        var blockers = contraindications.Where(r => r.Condition.FieldsRead().Any(f => f.NotRecorded == NotRecordedMeans.CanBlock)).ToArray();
        return (
            Shared(Undetermined(Any([.. blockers.Select(b => b.Condition)]))),
            [.. blockers.Select(b => b.Id)],
            Shared(NoneHolds([.. contraindications.Select(r => r.Condition)])));
    }

    /// <summary>The contraindications waited for in words, as the condition in words of every completeness rule begins its list.</summary>
    private static string ContraindicationsUndecidedText(IEnumerable<string> ids) => "the contraindications " + string.Join(", ", ids) + " are undecided";

    /// <summary>
    /// The completeness rules for a rule set's pathways, from its contraindications. With
    /// <paramref name="waitForRecentBehaviour"/> (from 1.5.0, where recent behaviour counts for the suicidal-ideation
    /// pathway), REC-002 also waits for preparatory acts or an aborted attempt with passive ideation or active ideation
    /// without a plan, where that answer decides whether the risk is imminent (the independent review's B1). With
    /// <paramref name="waitForItem9Assessment"/> (from 1.8.0), every pathway also waits for the suicide-risk assessment
    /// while "no suicidality" is recorded beside a positive PHQ-9 item 9: the suicide-risk contraindications read that
    /// answer, and it is in doubt (QA137 F2). With <paramref name="waitForLifeLimitingIllness"/> (from 1.16.0, where PAL-001
    /// also holds while the illness is not recorded), REC-005 also waits for the life-limiting illness itself: whether the
    /// palliative pathway applies turns on it (docs/clinical-review.md, section 26). These flags know nothing
    /// of what later releases changed in the rules (from 1.13.0), so a new version builds them again from the rules it has
    /// (<see cref="WaitingForContraindicationsOf"/>), never with this method.
    /// </summary>
    public static IReadOnlyList<PathwayCompleteness> For(RuleSet ruleSet, bool waitForRecentBehaviour = false, bool waitForItem9Assessment = false, bool waitForLifeLimitingIllness = false)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var (undecided, ids, nothingBlocks) = ContraindicationsOf(ruleSet);
        var blocking = undecided;
        var blockerText = ContraindicationsUndecidedText(ids);
        Condition? alsoWaitingFor = null;
        if (waitForItem9Assessment)
        {
            // Only where item 9 is recorded positive: an item 9 not recorded leaves nothing in doubt.
            alsoWaitingFor = All(Indications.NoSuicidalityAgainstPositiveItem9, NotRecorded(Fields.SuicideRiskAssessedAfterItem9));
            blocking = Shared(Any(undecided, alsoWaitingFor));
            blockerText += ", or " + Item9AssessmentWaitedForText;
        }

        PathwayCompleteness Make(string id, Pathway pathway, string name, IReadOnlyList<string> principles, params (Condition Condition, string Text)[] extras)
        {
            var indication = ruleSet.Find(ruleSet.Pathways.Single(p => p.Pathway == pathway).IndicationRuleId)!.Condition;
            return new PathwayCompleteness(id, pathway, name, principles, All(indication, nothingBlocks), blocking, blockerText, extras, waitForItem9Assessment, new Parts(indication, nothingBlocks, undecided, ids, alsoWaitingFor));
        }

        var intent = (All(In(Fields.Suicidality, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan), True(Fields.SuicidalIntent)),
            "suicidal intent is not recorded for active ideation");
        (Condition, string)[] suicidalIdeationItems = waitForRecentBehaviour ? [intent, RecentBehaviour] : [intent];
        (Condition, string)[] palliativeItems = waitForLifeLimitingIllness ? [(True(Fields.LifeLimitingIllness), LifeLimitingIllnessWaitedForText)] : [];
        return
        [
            Make("REC-001", Pathway.EsketamineTrd, "esketamine for treatment-resistant depression", [Citations.SafetyRems]),
            Make("REC-002", Pathway.EsketamineSuicidalIdeation, "esketamine for acute suicidal ideation", [Citations.SafetyRems, Citations.SuicidalityLimit], suicidalIdeationItems),
            Make("REC-003", Pathway.KetamineOffLabelTrd, "off-label ketamine for treatment-resistant depression", [Citations.SafetyRems]),
            Make("REC-004", Pathway.BipolarAdjunct, "ketamine as a bipolar adjunct", [Citations.SafetyRems, Citations.Bipolar]),
            Make("REC-005", Pathway.PalliativeRapidActing, "rapid-acting ketamine in palliative care", [Citations.SafetyRems, Citations.Palliative], palliativeItems),
            Make("REC-006", Pathway.InvestigationalPtsdOcd, "investigational ketamine for PTSD or OCD", [Citations.SafetyRems]),
        ];
    }

    /// <summary>
    /// What a completeness rule is built from: the pathway's indication (its indication rule's condition, or from 1.27.0
    /// REC-002's own), "nothing recorded blocks it", the contraindications it waits for (undecided, and their ids as its
    /// condition in words names them), and what every pathway waits for beside them (from 1.8.0, the item-9 assessment), or null.
    /// </summary>
    private sealed record Parts(Condition Indication, Condition NothingBlocks, Condition ContraindicationsUndecided, IReadOnlyList<string> ContraindicationIds, Condition? AlsoWaitingFor);
}
