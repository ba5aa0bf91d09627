using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// What the result page and the printed rationale open with: the safety items not recorded (from the completeness
/// findings, REC-00x, one item per field with every pathway that waits for it), then the care items not recorded
/// (every other finding with a "not recorded" <c>because</c>). Empty for rule sets without completeness rules.
/// </summary>
public sealed record NotRecordedSummary(IReadOnlyList<MissingSafetyItem> BeforeAPathwayCanOpen, IReadOnlyList<CareItemNotRecorded> CareItems)
{
    public bool IsEmpty => BeforeAPathwayCanOpen.Count == 0 && CareItems.Count == 0;

    /// <summary>The summary of an assessment, read with the pathway map of the rule set it was decided with.</summary>
    public static NotRecordedSummary Of(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var completeness = (RuleSetCatalog.Find(assessment.RuleSet.Version)?.Pathways ?? [])
            .Where(p => p.CompletenessRuleId is not null)
            .ToDictionary(p => p.CompletenessRuleId!, p => p.Pathway, StringComparer.Ordinal);

        var waiting = new List<(string Field, List<Pathway> Pathways)>();
        var care = new List<CareItemNotRecorded>();
        foreach (var finding in assessment.Findings)
        {
            var unrecorded = finding.Because.Where(b => b.Value == WireNames.NotRecorded).Select(b => b.Field).Distinct(StringComparer.Ordinal).ToList();
            if (completeness.TryGetValue(finding.RuleId, out var pathway))
            {
                foreach (var field in unrecorded)
                {
                    var item = waiting.FirstOrDefault(w => w.Field == field);
                    if (item.Field is null)
                    {
                        waiting.Add(item = (field, []));
                    }

                    if (!item.Pathways.Contains(pathway))
                    {
                        item.Pathways.Add(pathway);
                    }
                }
            }
            else if (unrecorded.Count > 0)
            {
                care.Add(new CareItemNotRecorded([.. unrecorded.Select(Display.Label)], finding));
            }
        }

        // The catalogue's order (the form's order), so the list reads like the form the clinician fills in next.
        var ordered = waiting
            .OrderBy(w => Fields.Find(w.Field) is { } f ? IndexOf(f) : int.MaxValue)
            .Select(w => new MissingSafetyItem(w.Field, Display.Label(w.Field), [.. w.Pathways.Order()]))
            .ToList();
        return new NotRecordedSummary(ordered, care);
    }

    private static int IndexOf(FieldDefinition field)
    {
        for (var i = 0; i < Fields.All.Count; i++)
        {
            if (ReferenceEquals(Fields.All[i], field))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
