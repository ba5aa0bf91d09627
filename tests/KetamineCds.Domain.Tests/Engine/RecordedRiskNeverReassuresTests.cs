using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A recorded risk never reads more reassuring than the same question left unanswered (QA148 F3). Before rule set 1.9.0 a
/// recorded history of hypertensive encephalopathy, or moderate hepatic impairment, gave a plain "eligible" (a requirement
/// only), while the same question not recorded gave "eligible with cautions" (SAF-001, HEP-003).
/// </summary>
public class RecordedRiskNeverReassuresTests
{
    private static readonly Pathway[] Indicated =
        [Pathway.EsketamineTrd, Pathway.EsketamineSuicidalIdeation, Pathway.BipolarAdjunct, Pathway.PalliativeRapidActing];

    /// <summary>Each answer to a care item other than its ordinary one: yes for a yes/no question, every other choice.</summary>
    private static IEnumerable<object> OtherAnswers(FieldDefinition field) => field.Type switch
    {
        FieldType.YesNo => [!(bool)OrdinaryValue(field)],
        FieldType.Choice => field.Choices.Skip(1),
        FieldType.ChoiceList => field.Choices.Skip(1).Select(c => (object)new List<string> { c }),
        _ => [],
    };

    private static PatientHistory With(PatientHistory h, FieldDefinition field, object value)
    {
        var values = Fields.All.ToDictionary(f => f.Name, f => Fields.ContractValueOf(h, f.Name), StringComparer.Ordinal);
        values[field.Name] = value;
        return PatientHistory.From(f => values[f.Name]);
    }

    public static TheoryData<string> CareItems() =>
        [.. Fields.All.Where(f => f.NotRecorded == NotRecordedMeans.CallsForCare && f.Type is FieldType.YesNo or FieldType.Choice or FieldType.ChoiceList).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(CareItems))]
    public void Evaluate_ACareItemsRecordedRiskyAnswer_NeverLeavesAPathwayPlainlyEligibleWhereNotRecordedMarksIt(string name)
    {
        var field = Fields.All.Single(f => f.Name == name);
        var failures = new List<string>();
        foreach (var pathway in Indicated)
        {
            var recorded = IndicatedFor(pathway).WithSafetyItemsRecordedAbsent().WithEveryItemRecorded();
            if (!field.IsAskedOf(recorded))
            {
                continue;
            }

            var notRecorded = ScreeningEngine.Evaluate(recorded.Without(field)).For(pathway).Status;
            foreach (var answer in OtherAnswers(field))
            {
                var assessment = ScreeningEngine.Evaluate(With(recorded, field, answer));
                // Only answers that some finding reads as other than information: an answer no rule acts on (mild hepatic
                // impairment) is the ordinary one in effect.
                var actedOn = assessment.Findings.Any(f => f.Kind != FindingKind.Information && f.Because.Any(b => b.Field == name));
                var status = assessment.For(pathway).Status;
                if (actedOn && notRecorded == PathwayStatus.EligibleWithCautions && status == PathwayStatus.Eligible)
                {
                    failures.Add($"{pathway}: {name} = {answer} reads plainly eligible; not recorded reads eligible with cautions");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
