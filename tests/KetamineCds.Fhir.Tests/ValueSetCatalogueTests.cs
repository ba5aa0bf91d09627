using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.Mappings;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Tests;

public class ValueSetCatalogueTests
{
    private static readonly Dictionary<string, string> SystemAliases = new(StringComparer.Ordinal)
    {
        ["http://snomed.info/sct"] = "sct",
        ["http://hl7.org/fhir/sid/icd-10-cm"] = "icd10cm",
        ["http://www.nlm.nih.gov/research/umls/rxnorm"] = "rxnorm",
        ["http://loinc.org"] = "loinc",
    };

    /// <summary>Value sets one reading fills several fields from, documented in docs/fhir-mapping.md.</summary>
    private static readonly Dictionary<string, string[]> SharedValueSets = new(StringComparer.Ordinal)
    {
        ["oral-antidepressants"] = ["onOralAntidepressant", "oralAntidepressantClass"],
        ["substance-use-disorders"] = ["substanceUse", "substancesUsed"],
    };

    /// <summary>Entry values that are not contract values: markers and observation roles.</summary>
    private static readonly Dictionary<string, string[]> NonContractValues = new(StringComparer.Ordinal)
    {
        ["primary-diagnosis"] = ["bipolar"],
        ["substance-use-disorders"] = ["unstated"],
        ["systolic-blood-pressure"] = ["panel", "systolic", "diastolic"],
        ["diastolic-blood-pressure"] = ["panel", "systolic", "diastolic"],
        ["pregnancy-status"] = ["question", "pregnant", "not-pregnant"],
        ["phq9-item9"] = ["0", "1", "2", "3"], // the scores of item 9's LOINC answers (LL358-3)
        ["phq9-total"] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"], // the items' numbers, and their answers' scores (LL358-3)
    };

    [Fact]
    public void ValueSets_EveryCode_IsPinned()
    {
        var actual = ValueSetCatalogue.All.ToDictionary(
            s => s.Key,
            s => s.Value.Codes.Select(c => $"{SystemAliases[c.System]}|{c.Code ?? c.Prefix + "*"}{(c.Value is null ? "" : "=" + c.Value)}{(c.Status is null ? "" : "/" + c.Status)}").ToArray(),
            StringComparer.Ordinal);

        Assert.Equal(PinnedValueSets.Codes.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, codes) in PinnedValueSets.Codes)
            Assert.True(codes.SequenceEqual(actual[id]), $"The value set '{id}' changed: update PinnedValueSets after review.");
    }

    [Fact]
    public void FieldCatalogue_EveryNamedValueSet_Exists()
    {
        var missing = Fields.All.Where(f => f.ValueSet is { } id && !ValueSetCatalogue.All.ContainsKey(id)).Select(f => f.Name).ToArray();

        Assert.Empty(missing);
    }

    [Fact]
    public void ValueSets_Each_IsNamedByExactlyOneFieldOrItsDocumentedFields()
    {
        foreach (var id in ValueSetCatalogue.All.Keys.Where(id => id != ChartChecks.NamingQuestions))
        {
            var naming = Fields.All.Where(f => f.ValueSet == id).Select(f => f.Name).ToArray();
            var expected = SharedValueSets.TryGetValue(id, out var shared) ? shared : null;
            if (expected is null)
                Assert.True(naming.Length == 1, $"The value set '{id}' is named by {naming.Length} fields: {string.Join(", ", naming)}.");
            else
                Assert.Equal(expected.Order(StringComparer.Ordinal), naming.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// QA132 F2: the one value set no field names, <c>conditions-naming-questions</c>, reads nothing as an answer: each
    /// entry's value is the catalogue field its Condition is named beside, and no field reads it.
    /// </summary>
    [Fact]
    public void NamingQuestions_EveryValue_IsACatalogueField_AndNoFieldReadsIt()
    {
        var set = ValueSetCatalogue.Get(ChartChecks.NamingQuestions);

        Assert.Equal("named-to-check", set.Read.From);
        Assert.DoesNotContain(Fields.All, f => f.ValueSet == set.Id);
        Assert.All(set.Codes, c => Assert.Contains(c.Value, Fields.All.Select(f => f.Name)));
        Assert.Equal(
            ["arteriovenousMalformation", "hepaticImpairment", "pregnant", "primaryDiagnosis", "psychosis", "suicidality"],
            set.Codes.Select(c => c.Value!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FieldCatalogue_EveryFieldWithAValueSet_GetsAReaderFromItsValueSetsReading()
    {
        var withValueSet = Fields.All.Where(f => f.ValueSet is not null).Select(f => f.Name).ToArray();

        Assert.Equal(withValueSet, FieldReaders.All.Select(r => r.Field.Name));
        Assert.All(FieldReaders.All, r => Assert.Equal(r.Field.ValueSet, r.ValueSet.Id));
    }

    [Fact]
    public void ValueSets_EveryOneIsNamedByAFieldThatCanReadIt()
    {
        foreach (var set in ValueSetCatalogue.All.Values.Where(s => s.Id != ChartChecks.NamingQuestions))
        {
            var fields = Fields.All.Where(f => f.ValueSet == set.Id).ToArray();
            Assert.True(fields.Length > 0, $"No field names the value set '{set.Id}'.");
            foreach (var field in fields)
            {
                Assert.NotNull(FieldReaders.For(field, set));
            }
        }
    }

    [Fact]
    public void FieldReaders_AReadingThatCannotAnswerTheFieldsType_IsRefusedNamingTheValueSetAndField()
    {
        var medication = ValueSetCatalogue.Get("naltrexone");
        var recentWithoutWindow = new ValueSet
        {
            Id = "broken",
            Title = "Broken",
            Description = "A recent-condition reading without its window.",
            Read = new ValueSetReading { From = "condition", When = "recent" },
            Codes = [],
        };

        var wrongType = Assert.Throws<InvalidOperationException>(() => FieldReaders.For(Fields.SystolicBp, medication));
        var noWindow = Assert.Throws<InvalidOperationException>(() => FieldReaders.For(Fields.RecentMyocardialInfarctionOrStroke, recentWithoutWindow));

        Assert.Contains("'naltrexone'", wrongType.Message, StringComparison.Ordinal);
        Assert.Contains("'systolicBp'", wrongType.Message, StringComparison.Ordinal);
        Assert.Contains("withinDays", noWindow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueSets_EveryEntry_HasOneCodeOrPrefixADisplayAndASource()
    {
        foreach (var set in ValueSetCatalogue.All.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(set.Title), set.Id);
            Assert.False(string.IsNullOrWhiteSpace(set.Description), set.Id);
            Assert.NotEmpty(set.Codes);
            foreach (var code in set.Codes)
            {
                Assert.True((code.Code is null) != (code.Prefix is null), $"{set.Id}: {code}");
                Assert.True(code.Prefix is null || code.System == "http://hl7.org/fhir/sid/icd-10-cm", $"{set.Id}: a prefix outside ICD-10-CM ({code}).");
                Assert.False(string.IsNullOrWhiteSpace(code.Display), $"{set.Id}: {code}");
                Assert.False(string.IsNullOrWhiteSpace(code.Source), $"{set.Id}: {code}");
                Assert.Contains(code.System, SystemAliases.Keys);
            }
        }
    }

    [Fact]
    public void ValueSets_EveryValue_IsAContractChoiceOfItsFieldsOrADocumentedMarker()
    {
        foreach (var set in ValueSetCatalogue.All.Values.Where(s => s.Id != ChartChecks.NamingQuestions))
        {
            var allowed = Fields.All.Where(f => f.ValueSet == set.Id).SelectMany(f => f.Choices)
                .Concat(NonContractValues.GetValueOrDefault(set.Id) ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var code in set.Codes.Where(c => c.Value is not null))
                Assert.True(allowed.Contains(code.Value!), $"{set.Id}: {code} has the value '{code.Value}'.");
        }
    }

    [Fact]
    public void ValueSets_NoCodeIsListedTwiceInOneSet()
    {
        foreach (var set in ValueSetCatalogue.All.Values)
        {
            var duplicates = set.Codes.GroupBy(c => c.ToString(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(duplicates.Length == 0, $"{set.Id}: {string.Join(", ", duplicates)}");
        }
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "I67.1", "exact")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "i671", "exact")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "I67.19", "longer prefix")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "I67.2", "shorter prefix")]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "I68", null)]
    [InlineData("http://snomed.info/sct", "432119003", "snomed")]
    [InlineData("http://snomed.info/sct", " 432119003 ", "snomed")]
    [InlineData("http://snomed.info/sct", "4321190", null)]
    [InlineData("http://loinc.org", "432119003", null)]
    public void Match_ExactCodeBeatsAnyPrefixAndTheLongestPrefixBeatsAShorterOne(string system, string code, string? expected)
    {
        const string Icd = "http://hl7.org/fhir/sid/icd-10-cm";
        var set = new ValueSet
        {
            Id = "t",
            Title = "t",
            Description = "t",
            Read = new ValueSetReading { From = "condition", When = "current" },
            Codes =
            [
                new ValueSetCode { System = Icd, Prefix = "I67", Display = "shorter prefix", Source = "s" },
                new ValueSetCode { System = Icd, Prefix = "I67.1", Display = "longer prefix", Source = "s" },
                new ValueSetCode { System = Icd, Code = "I67.1", Display = "exact", Source = "s" },
                new ValueSetCode { System = "http://snomed.info/sct", Code = "432119003", Display = "snomed", Source = "s" },
            ],
        };

        Assert.Equal(expected, set.Match(system, code)?.Display);
    }

    [Theory]
    [InlineData("I71.2", "I71", true)]
    [InlineData("I712", "I71", true)]
    [InlineData("I71", "I71", true)]
    [InlineData("i67.1", "I67.1", true)]
    [InlineData("I67.10", "I67.1", true)]
    [InlineData("I67.2", "I67.1", false)]
    [InlineData("I7", "I71", false)]
    public void Match_Icd10CmPrefix_CoversTheCodeAndItsChildrenOnly(string code, string prefix, bool expected)
    {
        var set = new ValueSet
        {
            Id = "t",
            Title = "t",
            Description = "t",
            Read = new ValueSetReading { From = "condition", When = "current" },
            Codes = [new ValueSetCode { System = "http://hl7.org/fhir/sid/icd-10-cm", Prefix = prefix, Display = "d", Source = "s" }],
        };

        Assert.Equal(expected, set.Match("http://hl7.org/fhir/sid/icd-10-cm", code) is not null);
    }

    [Fact]
    public void Match_SnomedCode_NeedsTheExactCodeAndSystem()
    {
        var set = ValueSetCatalogue.Get("aneurysmal-vascular-disease");

        Assert.NotNull(set.Match("http://snomed.info/sct", "432119003"));
        Assert.Null(set.Match("http://snomed.info/sct", "43211900"));
        Assert.Null(set.Match("http://loinc.org", "432119003"));
        Assert.Null(set.Match(null, "432119003"));
    }
}
