using System.Text.RegularExpressions;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// The rule set that added a field (<see cref="FieldDefinition.Since"/>), by which the result page, the print and the
/// auditor's entry tell a question an older entry was never asked from one left blank: set once in the field catalogue,
/// held to the tables of docs/web.md ("Fields added to contract v1": the software's additions and the contract's 1.1 fields)
/// and to the rule sets themselves (no older one reads the field; the one named does).
/// </summary>
public sealed partial class FieldSinceTests
{
    [Fact]
    public void Since_OfEveryField_IsTheRuleSetDocsWebMdNamesForIt_AndEveryDocumentedFieldHasOne()
    {
        var documented = DocumentedSince();
        var declared = Fields.All.Where(f => f.Since is not null).ToDictionary(f => f.Name, f => f.Since!, StringComparer.Ordinal);

        // Three software additions and the contract's ten 1.1 fields: a table that stopped parsing would pass with none.
        Assert.Equal(13, documented.Count);
        foreach (var (name, since) in documented)
        {
            Assert.True(declared.TryGetValue(name, out var declaredSince), $"docs/web.md gives {name} the rule set {since}; its catalogue entry has no Since.");
            Assert.Equal(since, declaredSince);
        }

        foreach (var (name, since) in declared)
        {
            Assert.True(documented.ContainsKey(name), $"{name} has Since {since} in the catalogue; docs/web.md (\"Fields added to contract v1\") has no row for it.");
        }
    }

    [Fact]
    public void Since_NamesAReleasedRuleSetThatReadsTheField_AndNoOlderRuleSetReadsIt()
    {
        foreach (var field in Fields.All.Where(f => f.Since is not null))
        {
            var added = RuleSetCatalog.Find(field.Since!);
            Assert.True(added is not null, $"{field.Name}: Since {field.Since} is no released rule set.");
            Assert.True(Reads(added, field), $"{field.Name}: rule set {field.Since}, which added it, reads it in no rule.");
            foreach (var older in RuleSetCatalog.All.TakeWhile(r => r != added))
            {
                Assert.False(Reads(older, field), $"{field.Name}: rule set {older.Version}, before {field.Since}, already reads it.");
            }
        }
    }

    [Theory]
    [InlineData("1.2.0", false)]
    [InlineData("1.16.0", false)]
    [InlineData("1.17.0", true)]
    [InlineData("1.29.0", true)]
    [InlineData("2.0.0", true)]
    // Not a version number: asked, so a blank reads as not recorded (the safer reading).
    [InlineData("x", true)]
    [InlineData(null, true)]
    public void WasAskedUnder_ComparesVersionsAsNumbersNotText(string? version, bool asked)
    {
        // "1.2.0" is after "1.17.0" as text: compared as text, an entry of 1.2.0 would read as asked.
        Assert.Equal(asked, Fields.RaisedIntraocularPressure.WasAskedUnder(version));
    }

    [Fact]
    public void WasAskedUnder_AFieldOfTheFirstRelease_IsAskedUnderEveryRuleSet()
    {
        Assert.Null(Fields.SystolicBp.Since);
        Assert.All(RuleSetCatalog.All, r => Assert.True(Fields.SystolicBp.WasAskedUnder(r.Version)));
        Assert.False(Fields.SuicidalIntent.WasAskedUnder("1.0.0"));
        Assert.True(Fields.SuicidalIntent.WasAskedUnder("1.1.0"));
    }

    private static bool Reads(RuleSet ruleSet, FieldDefinition field) =>
        ruleSet.Rules.Any(r => r.Condition.FieldsRead().Contains(field));

    /// <summary>Every row of a table of docs/web.md whose header has the columns Field and Since: the field and its rule set.</summary>
    private static Dictionary<string, string> DocumentedSince()
    {
        var lines = File.ReadAllLines(Path.Combine(TestRepository.Root(), "docs", "web.md"));
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Cells(lines[i]);
            var fieldColumn = header.IndexOf("Field");
            var sinceColumn = header.IndexOf("Since");
            if (fieldColumn < 0 || sinceColumn < 0)
            {
                continue;
            }

            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                var row = Cells(lines[i]);
                var name = FieldName().Match(row[fieldColumn]);
                var since = SinceVersion().Match(row[sinceColumn]);
                Assert.True(name.Success && since.Success, $"docs/web.md: a row of a Field/Since table does not read as `field` | rule set X.Y.Z: {lines[i]}");
                Assert.True(found.TryAdd(name.Groups[1].Value, since.Groups[1].Value), $"docs/web.md names {name.Groups[1].Value} twice.");
            }
        }

        return found;
    }

    private static List<string> Cells(string line) =>
        line.StartsWith('|') ? [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())] : [];

    [GeneratedRegex(@"^`([a-zA-Z0-9]+)`$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^rule set (\d+\.\d+\.\d+)$")]
    private static partial Regex SinceVersion();
}
