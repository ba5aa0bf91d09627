using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Support;

/// <summary>Readable descriptions of assessments for failing assertions.</summary>
internal static class ReferenceEngine
{
    /// <summary>A readable difference for a failing assertion.</summary>
    public static string Describe(Assessment a) =>
        $"{a.Overall}; pathways [{string.Join("; ", a.Pathways.Select(p => $"{p.Pathway} {p.Status} ({string.Join(",", p.RuleIds)})"))}]; "
        + $"findings [{string.Join("; ", a.Findings.Select(f => $"{f.RuleId} because {string.Join(",", f.Because.Select(e => e.Field + "=" + e.Value))}"))}]";
}
