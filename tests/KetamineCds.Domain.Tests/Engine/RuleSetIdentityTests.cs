using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>The rule set's version and digest identify exactly the rules a decision was made with.</summary>
public partial class RuleSetIdentityTests
{
    /// <summary>
    /// The digests of released rule sets. A released version never changes: if this test fails, the change belongs
    /// in a new version (see RuleSetCatalog), not in a new pin.
    /// </summary>
    private static readonly Dictionary<string, string> PinnedDigests = new(StringComparer.Ordinal)
    {
        ["1.0.0"] = "sha256:73e284134b0c249814bea3acd9ceb09afa8e742c9b119cf6cfa9cff85c85a6ca",
        ["1.1.0"] = "sha256:25ec526510b5a44f9b5401fb7a2479942e05b5c7e3da8433736c7aaa98bda4db",
        ["1.2.0"] = "sha256:a013e031192388aa9bba62f0475fb760fb3faf15d871f3f621aac2af45405af0",
        ["1.3.0"] = "sha256:2ffd308aa5b30c0abc92d61eef060935a84da5b82140d0b67fe5c1828aa6406c",
        ["1.4.0"] = "sha256:b526445392847d6598594fd10e7e50994033c1f0c7f6cf251474cf4f71a6c408",
        ["1.5.0"] = "sha256:86b748ebcd6a36ef8192fd9c6a6e64945e78b57310a5743db0cd550f26dd290a",
        ["1.6.0"] = "sha256:83abd5ce285cf1f07661cd98fe4a8e0cee81599a0e5397e4a959274d4c3d1463",
        ["1.7.0"] = "sha256:8f48643392c87f2c9dc8f6c489c8d93c82dfef334c973511077a3e78c0fab563",
        ["1.8.0"] = "sha256:49162482e6beeb24296bf4d761d097bcd4acc7a51cdc9034994fbcc85b4150a1",
        ["1.9.0"] = "sha256:1a6e157cec51f62401d131d0763986d5e9d93058a5f1311d4fab0c8fe1bcf906",
        ["1.10.0"] = "sha256:0da7310638665224581395ae949240c06aaca37b1fc4f38794cb8ce8ad7f146a",
        ["1.11.0"] = "sha256:563f674e26f6cca6cdcd2f22e9346a2ebdc40e1cf2421678063008afbae14837",
        ["1.12.0"] = "sha256:da2f65f5dfa9d4009fefaeefde3e948e21f1d19403b10ce69847820b2d217422",
        ["1.13.0"] = "sha256:5133e00103afbab7c9dc0e61716e3922f14383cadd018c0cd4ee8753b31eff5a",
        ["1.14.0"] = "sha256:c19f41b250c689dfabb699291460df5e87a5ab61ad34b62c80883722a9539a3e",
        ["1.15.0"] = "sha256:439a351d150ba1f187af1cf53d2f9398d1d55571f40702a1155733507b9bf42e",
        ["1.16.0"] = "sha256:c1987a209e235a35859cce8a4dc8e26943c772a4d65d9d7ecd853cb2737867c3",
        ["1.17.0"] = "sha256:fa25daa644c211c193fadc15445a51d16d40accfe0766454e7ec486773476309",
        ["1.18.0"] = "sha256:c960ce3d7752f0edd1127d480dacf649289319bbf4aeb133bba21e880f3c3166",
        ["1.19.0"] = "sha256:03f846e3db296835a0d5acf9720f068376d07517f95cef4cde43b2e229388468",
        ["1.20.0"] = "sha256:6a2a9bac11a4c4c3a9c18ea13749f2ce20026b32d93c12edd3216e4329958e82",
        ["1.21.0"] = "sha256:04c22808b36920b3a1bf87890785320cda3987bf79a449dbd525403ef5920528",
        ["1.22.0"] = "sha256:f1165c52ae7febbc18e632b5581525a46ccffe63613d34d2d54fa7fb40a6bfc5",
        ["1.23.0"] = "sha256:97d7db89c14d634bbfeda9605e3de6656371cf21f0b70ec533d143e2357e549d",
        ["1.24.0"] = "sha256:a6841730bbe808001ca913c7dfc97bc601957c9edf8fb2a5b52ba71e2c97ab8f",
        ["1.25.0"] = "sha256:acf866a2ae5828d7da4525ae92cd73642461dcd501693e081b24decd32ee0156",
        ["1.26.0"] = "sha256:3a011859d027b76a5bf96417fa097fbd36bfc5e0f165454aec23e94007ef3aa0",
        ["1.27.0"] = "sha256:d441b9ba79e9b93596ac4d7afbd023e7d085d4735fa7e1a9a49c4b37bb427d5a",
        ["1.28.0"] = "sha256:8da8faf6440c6c74c20c589e6b63ed69589e9b0299f15a3bd8b00b26b2ba3f3a",
        ["1.29.0"] = "sha256:fc9dc96afc4a0d5ff768e9ed40595818671ca9d34f28c30558881703b78ca099",
    };

    /// <summary>The texts a rewording may change, as <c>Diff_1_11_0To1_12_0_ChangesOnlyTheWordsThatSaidShownForRecorded</c> names them.</summary>
    private static readonly string[] RuleTextParts = ["summary", "detail", "condition"];

    [GeneratedRegex(@"\Asha256:[0-9a-f]{64}\z")]
    private static partial Regex DigestFormat();

    private static RuleSet Current => RuleSetCatalog.Current;

    private static RuleSet Rebuilt(Func<Rule, Rule> map, IReadOnlyList<PathwayDefinition>? pathways = null) =>
        new(Current.Version, Current.Rules.Select(map).ToArray(), pathways ?? Current.Pathways, Current.Policy);

    [Fact]
    public void Digest_EveryReleasedRuleSet_IsSha256HexOfItsCanonicalText()
    {
        Assert.All(RuleSetCatalog.All, set =>
        {
            Assert.Matches(DigestFormat(), set.Digest);
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(set.CanonicalText))), set.Digest);
            Assert.Equal(new RuleSetIdentity(set.Version, set.Digest), set.Identity);
        });
    }

    [Fact]
    public void Digest_ReleasedVersions_KeepTheirPinnedDigests()
    {
        Assert.Equal(PinnedDigests.Keys.Order(StringComparer.Ordinal), RuleSetCatalog.All.Select(s => s.Version).Order(StringComparer.Ordinal));
        Assert.All(RuleSetCatalog.All, set => Assert.Equal(PinnedDigests[set.Version], set.Digest));
    }

    [Fact]
    public void Digest_SameDefinitionsInOtherObjects_IsUnchanged() =>
        Assert.Equal(Current.Digest, Rebuilt(r => new TweakedRule(r)).Digest);

    public static TheoryData<string> Aspects() => new() { "condition", "kind", "severity", "principle", "source", "conditionText", "summary", "detail" };

    [Theory]
    [MemberData(nameof(Aspects))]
    public void Digest_ChangingOneAspectOfAnyRule_ChangesTheDigest(string aspect)
    {
        var digests = new HashSet<string>(StringComparer.Ordinal) { Current.Digest };
        var completenessRules = Current.Pathways.Select(p => p.CompletenessRuleId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var target in Current.Rules)
        {
            if (aspect == "kind" && completenessRules.Contains(target.Id))
            {
                // A pathway's completeness rule must stay a requirement: the set refuses any other kind outright.
                Assert.Throws<ArgumentException>(() => Rebuilt(r => r.Id == target.Id ? Tweak(r, aspect) : r));
                continue;
            }

            var changed = Rebuilt(r => r.Id == target.Id ? Tweak(r, aspect) : r);
            Assert.True(digests.Add(changed.Digest), $"changing the {aspect} of {target.Id} did not give a new digest");
        }
    }

    [Fact]
    public void Digest_ChangingThePathwayMap_ChangesTheDigest()
    {
        var investigationalTrd = Current.Pathways
            .Select(p => p.Pathway == Pathway.EsketamineTrd ? p with { InvestigationalOnly = true } : p).ToArray();
        var otherIndication = Current.Pathways
            .Select(p => p.Pathway == Pathway.KetamineOffLabelTrd ? p with { IndicationRuleId = "TRD-002" } : p).ToArray();
        Assert.NotEqual(Current.Digest, Rebuilt(r => r, investigationalTrd).Digest);
        Assert.NotEqual(Current.Digest, Rebuilt(r => r, otherIndication).Digest);
    }

    [Fact]
    public void Digest_RemovingARule_ChangesTheDigest()
    {
        var fewer = new RuleSet(Current.Version, Current.Rules.Where(r => r.Id != "CV-002").ToArray(), Current.Pathways, Current.Policy);
        Assert.NotEqual(Current.Digest, fewer.Digest);
    }

    [Fact]
    public void Find_ReleasedVersion_ReturnsTheReleasedSet()
    {
        Assert.Same(RuleSetCatalog.V1_0_0, RuleSetCatalog.Find("1.0.0"));
        Assert.Same(RuleSetCatalog.Current, RuleSetCatalog.Find(RuleSetCatalog.Current.Version));
        Assert.Contains(RuleSetCatalog.Current, RuleSetCatalog.All);
    }

    [Theory]
    [InlineData("0.9.0")]
    [InlineData("1.0")]
    [InlineData("")]
    public void Find_UnknownVersion_ReturnsNull(string version) => Assert.Null(RuleSetCatalog.Find(version));

    [Fact]
    public void Catalogue_ReleasedVersions_AreUnique() =>
        Assert.Equal(RuleSetCatalog.All.Count, RuleSetCatalog.All.Select(s => s.Version).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Evaluate_WithAModifiedRuleSet_ReportsThatRuleSetsIdentity()
    {
        var changed = Rebuilt(r => r.Id == "AGE-001" ? Tweak(r, "severity") : r);
        var a = ScreeningEngine.Evaluate(Histories.Trd() with { AgeYears = 16 }, changed);
        Assert.Equal(changed.Identity, a.RuleSet);
        Assert.NotEqual(Current.Identity, a.RuleSet);
        Assert.Equal(Severity.Moderate, a.Findings.Single(f => f.RuleId == "AGE-001").Severity);
    }

    [Fact]
    public void Constructor_DuplicateRuleId_Throws() =>
        Assert.Throws<ArgumentException>(() => new RuleSet("9.9.9", [.. Current.Rules, new TweakedRule(Current.Rules[0])], Current.Pathways));

    [Fact]
    public void Constructor_PathwayDefinedTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new RuleSet("9.9.9", Current.Rules, [.. Current.Pathways, Current.Pathways[0]]));

    [Fact]
    public void Constructor_PathwayMissing_Throws() =>
        Assert.Throws<ArgumentException>(() => new RuleSet("9.9.9", Current.Rules, Current.Pathways.Skip(1).ToArray()));

    [Fact]
    public void Constructor_PathwayNamingUnknownRule_Throws() =>
        Assert.Throws<ArgumentException>(() => new RuleSet("9.9.9", Current.Rules, Current.Pathways.Select(p => p with { IndicationRuleId = "NOPE-001" }).ToArray()));

    [Theory]
    [InlineData("1.8.0-scratch")]
    [InlineData("1.8")]
    [InlineData("1.8.0.1")]
    [InlineData("v1.8.0")]
    [InlineData("1.08.0")]
    [InlineData("1..0")]
    [InlineData("1.8.0 ")]
    [InlineData("1.٨.0")]
    [InlineData("x")]
    [InlineData("")]
    public void Constructor_VersionNotMajorMinorPatchDigits_IsRefusedSayingWhatAVersionIs(string version)
    {
        // QA121 F9: the CDS Hooks card label and the release test class name are spelled from the version.
        var error = Assert.Throws<ArgumentException>(() => new RuleSet(version, Current.Rules, Current.Pathways, Current.Policy));
        Assert.Equal("version", error.ParamName);
        Assert.Contains("MAJOR.MINOR.PATCH in digits only", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Current.Next(version));
    }

    [Theory]
    [InlineData("1.8.0")]
    [InlineData("2.0.0")]
    [InlineData("10.20.30")]
    public void Constructor_MajorMinorPatchDigits_IsAccepted(string version) =>
        Assert.Equal(version, Current.Next(version).Version);

    [Fact]
    public void Catalogue_EveryReleasedVersion_IsMajorMinorPatchDigits() =>
        Assert.All(RuleSetCatalog.All, r => Assert.Matches(@"\A(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\z", r.Version));

    [Fact]
    public void Catalogue_EveryRuleClassInTheDomain_IsInTheCurrentRuleSetOrOnlyInAnEarlierRelease()
    {
        // A rule class that no released set uses is dead code; one only an earlier release uses is kept for replay. A reworded
        // rule (Rule.Reworded, from 1.11.0) uses its original's class; RewordedRule itself is no rule of its own.
        var classes = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract && t != typeof(RewordedRule)).ToArray();
        static Type ClassOf(Rule r) => (r is RewordedRule reworded ? reworded.Original : r).GetType();
        var current = Current.Rules.Select(ClassOf).ToHashSet();
        var earlierOnly = RuleSetCatalog.All.Where(s => s != Current).SelectMany(s => s.Rules).Select(ClassOf).Where(t => !current.Contains(t)).ToHashSet();
        Assert.All(classes, t => Assert.True(current.Contains(t) || earlierOnly.Contains(t), $"{t.Name} is in no released rule set"));
        Assert.Equal(classes.Length, current.Count + earlierOnly.Count);
    }

    /// <summary>
    /// The current set is the last released, and the releases are listed in version order (QA121 F8: true for the next
    /// release too, with no test to rename; the facts of each release are in <see cref="Catalogue_EachRelease_HasItsPolicyPathwaysAndConcerns"/>).
    /// </summary>
    [Fact]
    public void Catalogue_CurrentRuleSet_IsTheLastReleasedAndTheReleasesAreInVersionOrder()
    {
        Assert.Same(RuleSetCatalog.All[^1], RuleSetCatalog.Current);
        Assert.Equal(
            [RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_2_0, RuleSetCatalog.V1_3_0, RuleSetCatalog.V1_4_0, RuleSetCatalog.V1_5_0, RuleSetCatalog.V1_6_0, RuleSetCatalog.V1_7_0, RuleSetCatalog.V1_8_0, RuleSetCatalog.V1_9_0, RuleSetCatalog.V1_10_0],
            RuleSetCatalog.All.Take(11));
        var versions = RuleSetCatalog.All.Select(r => System.Version.Parse(r.Version)).ToArray();
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.Second} is listed after {pair.First}"));
    }

    /// <summary>The decision policy, the pathway map and the pathways cautions concern, release by release.</summary>
    [Fact]
    public void Catalogue_EachRelease_HasItsPolicyPathwaysAndConcerns()
    {
        Assert.Equal(DecisionPolicy.V1Text, RuleSetCatalog.V1_0_0.Policy);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_1_0.Policy);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_2_0.Policy);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_3_0.Policy);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_4_0.Policy);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_5_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_4_0.Pathways, RuleSetCatalog.V1_5_0.Pathways);
        Assert.Equal(DecisionPolicy.V1_1Text, RuleSetCatalog.V1_6_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_5_0.Pathways, RuleSetCatalog.V1_6_0.Pathways);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_7_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_6_0.Pathways, RuleSetCatalog.V1_7_0.Pathways);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_8_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_7_0.Pathways, RuleSetCatalog.V1_8_0.Pathways);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_9_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_8_0.Pathways, RuleSetCatalog.V1_9_0.Pathways);
        Assert.Equal([Pathway.EsketamineTrd], RuleSetCatalog.V1_9_0.Find("EU-005")!.Concerns);
        Assert.Null(RuleSetCatalog.V1_9_0.Find("SUI-014")!.Concerns);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_10_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_9_0.Pathways, RuleSetCatalog.V1_10_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_9_0.ConcernsByRule, RuleSetCatalog.V1_10_0.ConcernsByRule);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_11_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_10_0.Pathways, RuleSetCatalog.V1_11_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_10_0.ConcernsByRule, RuleSetCatalog.V1_11_0.ConcernsByRule);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_12_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_11_0.Pathways, RuleSetCatalog.V1_12_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_11_0.ConcernsByRule, RuleSetCatalog.V1_12_0.ConcernsByRule);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_13_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_12_0.Pathways, RuleSetCatalog.V1_13_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_12_0.ConcernsByRule, RuleSetCatalog.V1_13_0.ConcernsByRule);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_15_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_14_0.Pathways, RuleSetCatalog.V1_15_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_14_0.ConcernsByRule, RuleSetCatalog.V1_15_0.ConcernsByRule);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_17_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_16_0.Pathways, RuleSetCatalog.V1_17_0.Pathways);
        // EYE-001 marks every open pathway (the safer reading; docs/clinical-review.md, section 28).
        Assert.Equal(RuleSetCatalog.V1_16_0.ConcernsByRule, RuleSetCatalog.V1_17_0.ConcernsByRule);
        Assert.Null(RuleSetCatalog.V1_17_0.Find("EYE-001")!.Concerns);
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_18_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_17_0.Pathways, RuleSetCatalog.V1_18_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_17_0.ConcernsByRule, RuleSetCatalog.V1_18_0.ConcernsByRule);
        // 1.19.0: the palliative pathway's indication not yet ruled out has its own rule (PAL-003); nothing else of the map changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_19_0.Policy);
        Assert.Equal(
            RuleSetCatalog.V1_18_0.Pathways.Select(p => p.Pathway == Pathway.PalliativeRapidActing ? p with { NotRuledOutRuleId = "PAL-003" } : p),
            RuleSetCatalog.V1_19_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_18_0.ConcernsByRule, RuleSetCatalog.V1_19_0.ConcernsByRule);
        // 1.20.0: the suicidal-ideation pathway's indication not yet ruled out has its own rule too (SUI-016).
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_20_0.Policy);
        Assert.Equal(
            RuleSetCatalog.V1_19_0.Pathways.Select(p => p.Pathway == Pathway.EsketamineSuicidalIdeation ? p with { NotRuledOutRuleId = "SUI-016" } : p),
            RuleSetCatalog.V1_20_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_19_0.ConcernsByRule, RuleSetCatalog.V1_20_0.ConcernsByRule);
        // 1.21.0 and 1.22.0 change no pathway, policy or concern.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_22_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_20_0.Pathways, RuleSetCatalog.V1_21_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_21_0.Pathways, RuleSetCatalog.V1_22_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_21_0.ConcernsByRule, RuleSetCatalog.V1_22_0.ConcernsByRule);
        // 1.23.0 changes no pathway, policy or concern either.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_23_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_22_0.Pathways, RuleSetCatalog.V1_23_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_22_0.ConcernsByRule, RuleSetCatalog.V1_23_0.ConcernsByRule);
        // 1.24.0 rewords only: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_24_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_23_0.Pathways, RuleSetCatalog.V1_24_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_23_0.ConcernsByRule, RuleSetCatalog.V1_24_0.ConcernsByRule);
        // 1.25.0 changes when REC-002 fires and rewords two summaries: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_25_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_24_0.Pathways, RuleSetCatalog.V1_25_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_24_0.ConcernsByRule, RuleSetCatalog.V1_25_0.ConcernsByRule);
        // 1.26.0 restates SUI-013 only: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_26_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_25_0.Pathways, RuleSetCatalog.V1_26_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_25_0.ConcernsByRule, RuleSetCatalog.V1_26_0.ConcernsByRule);
        // 1.27.0 rebuilds the completeness rules, restates ten rules, rewords SUI-008 and adds SUI-017, a caution that marks
        // every open pathway: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_27_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_26_0.Pathways, RuleSetCatalog.V1_27_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_26_0.ConcernsByRule, RuleSetCatalog.V1_27_0.ConcernsByRule);
        Assert.Null(RuleSetCatalog.V1_27_0["SUI-017"].Concerns);
        // 1.28.0 rewords six summaries: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_28_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_27_0.Pathways, RuleSetCatalog.V1_28_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_27_0.ConcernsByRule, RuleSetCatalog.V1_28_0.ConcernsByRule);
        // 1.29.0 rewords three details: no pathway, policy or concern changes.
        Assert.Equal(DecisionPolicy.V1_7Text, RuleSetCatalog.V1_29_0.Policy);
        Assert.Equal(RuleSetCatalog.V1_28_0.Pathways, RuleSetCatalog.V1_29_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_28_0.ConcernsByRule, RuleSetCatalog.V1_29_0.ConcernsByRule);
        Assert.All(RuleSetCatalog.All.TakeWhile(r => r != RuleSetCatalog.V1_19_0), r => Assert.All(r.Pathways, p => Assert.Null(p.NotRuledOutRuleId)));

        // A caution names the pathways it concerns from 1.7.0 on; no release before has one that does.
        Assert.All(RuleSetCatalog.All.TakeWhile(r => r != RuleSetCatalog.V1_7_0), r =>
        {
            Assert.Empty(r.ConcernsByRule);
            Assert.All(r.Rules, rule => Assert.Null(rule.Concerns));
        });
    }

    /// <summary>
    /// 1.7.0 (QA108 F2): five cautions that are one indication's label condition name the pathway they concern; nothing
    /// else of theirs changes, and every other rule is 1.6.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_6_0To1_7_0_ScopesFiveCautionsToTheirPathwayAndChangesNothingElse()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_6_0, RuleSetCatalog.V1_7_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.True(diff.PolicyChanged);
        Assert.Equal(["EU-001", "EU-002", "EU-003", "EU-004", "SUI-002"], diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed, change =>
        {
            Assert.Null(change.Before.Concerns);
            Assert.Equal(FindingKind.Caution, change.After.Kind);
            Assert.Equal(change.Before.CanonicalDefinition() + "|concerns=" + string.Join(',', change.After.Concerns!.Select(p => WireNames.Of(p))), change.After.CanonicalDefinition());
        });
        Assert.Equal([Pathway.EsketamineTrd], RuleSetCatalog.V1_7_0.Find("EU-001")!.Concerns);
        Assert.Equal([Pathway.EsketamineTrd], RuleSetCatalog.V1_7_0.Find("EU-002")!.Concerns);
        Assert.Equal([Pathway.EsketamineTrd], RuleSetCatalog.V1_7_0.Find("EU-003")!.Concerns);
        Assert.Equal([Pathway.EsketamineSuicidalIdeation], RuleSetCatalog.V1_7_0.Find("EU-004")!.Concerns);
        Assert.Equal([Pathway.EsketamineSuicidalIdeation], RuleSetCatalog.V1_7_0.Find("SUI-002")!.Concerns);
        Assert.All(RuleSetCatalog.V1_6_0.Rules.Where(r => diff.Changed.All(c => c.After.Id != r.Id)), r => Assert.Same(r, RuleSetCatalog.V1_7_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.8.0 (QA137 F2, QA128 F5): SUI-001, SUI-008 and the six completeness rules read the suicide-risk assessment after a
    /// positive item 9; nothing is added or removed, the policy and pathways stay, and every other rule is 1.7.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_7_0To1_8_0_ChangesOnlyTheRulesThatReadTheAssessmentAfterItem9()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_7_0, RuleSetCatalog.V1_8_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(["REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006", "SUI-001", "SUI-008"], diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed, change =>
        {
            Assert.Equal(change.Before.Kind, change.After.Kind);
            Assert.Equal(change.Before.Severity, change.After.Severity);
            Assert.DoesNotContain(Fields.SuicideRiskAssessedAfterItem9, change.Before.Condition.FieldsRead());
            Assert.Contains(Fields.SuicideRiskAssessedAfterItem9, change.After.Condition.FieldsRead());
        });
        Assert.All(RuleSetCatalog.V1_7_0.Rules.Where(r => diff.Changed.All(c => c.After.Id != r.Id)), r => Assert.Same(r, RuleSetCatalog.V1_8_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.9.0 (QA148 F1, F3, F4, F6): two cautions added (SUI-014, EU-005); CV-005 and HEP-002 become cautions with their
    /// texts unchanged; SUI-008 changes its summary only; the policy and pathways stay, and every other rule is 1.8.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_8_0To1_9_0_AddsTwoCautionsMakesTwoRequirementsCautionsAndRewordsSui008()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_8_0, RuleSetCatalog.V1_9_0);
        Assert.Equal(["EU-005", "SUI-014"], diff.Added.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Added, r => Assert.Equal(FindingKind.Caution, r.Kind));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(["CV-005", "HEP-002", "SUI-008"], diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed.Where(c => c.After.Id != "SUI-008"), change =>
        {
            Assert.Equal((FindingKind.Requirement, FindingKind.Caution), (change.Before.Kind, change.After.Kind));
            Assert.Equal((change.Before.Summary, change.Before.Detail, change.Before.ConditionText), (change.After.Summary, change.After.Detail, change.After.ConditionText));
        });
        var sui008 = diff.Changed.Single(c => c.After.Id == "SUI-008");
        Assert.Equal((sui008.Before.Kind, sui008.Before.Detail, sui008.Before.ConditionText), (sui008.After.Kind, sui008.After.Detail, sui008.After.ConditionText));
        Assert.NotEqual(sui008.Before.Summary, sui008.After.Summary);
        Assert.All(RuleSetCatalog.V1_8_0.Rules.Where(r => diff.Changed.All(c => c.After.Id != r.Id)), r => Assert.Same(r, RuleSetCatalog.V1_9_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.10.0 (QA148 F9, F10): four information findings added (SUI-015, TRD-005, TRD-006, INV-002); nothing changed or
    /// removed; the policy and pathways stay, and every 1.9.0 rule is the same object.
    /// </summary>
    [Fact]
    public void Diff_1_9_0To1_10_0_AddsFourInformationFindingsOnly()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_9_0, RuleSetCatalog.V1_10_0);
        Assert.Equal(["INV-002", "SUI-015", "TRD-005", "TRD-006"], diff.Added.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Added, r => Assert.Equal(FindingKind.Information, r.Kind));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.False(diff.PolicyChanged);
        Assert.All(RuleSetCatalog.V1_9_0.Rules, r => Assert.Same(r, RuleSetCatalog.V1_10_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.11.0 (QA137 F5): six details no longer send the clinician to a repository file (docs/rules.md, and SUB-001's ADR
    /// 0002) but to "To verify" on the app's Rules page; each rule's canonical line is 1.10.0's but for that detail, the
    /// detail changes exactly as listed here (each is 1.10.0's rule object reworded), nothing is added or removed, and every
    /// other rule is 1.10.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_10_0To1_11_0_ChangesOnlyThePointerInSixDetails()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_10_0, RuleSetCatalog.V1_11_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        var rewording = new Dictionary<string, (string Was, string Now)[]>(StringComparer.Ordinal)
        {
            ["AGE-003"] = [("(see docs/rules.md)", "(see To verify on the Rules page)")],
            ["CV-003"] = [("(to verify with the clinic, docs/rules.md)", "(to verify with the clinic: see To verify on the Rules page)")],
            ["CV-006"] = [("(not yet confirmed in the text read, docs/rules.md)", "(not yet confirmed in the text read: see To verify on the Rules page)")],
            ["CV-007"] = [("this app's reading, to verify (docs/rules.md).", "this app's reading, not yet confirmed (see To verify on the Rules page).")],
            ["SUB-001"] =
            [
                ("is still to verify, docs/rules.md)", "is not yet confirmed: see To verify on the Rules page)"),
                ("the safer reading, as ADR 0002 takes for every defer state,", "the safer reading, which this app takes for every defer state,"),
            ],
            ["SUI-003"] = [("(the specific source is still to be confirmed, see docs/rules.md)", "(its specific source is not yet confirmed: see To verify on the Rules page)")],
        };
        Assert.Equal(rewording.Keys.Order(StringComparer.Ordinal), diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed, change =>
        {
            var expected = change.Before.Detail;
            foreach (var (was, now) in rewording[change.After.Id])
            {
                Assert.Contains(was, expected, StringComparison.Ordinal);
                expected = expected.Replace(was, now, StringComparison.Ordinal);
            }

            Assert.Equal(expected, change.After.Detail);
            Assert.Equal(change.Before.CanonicalDefinition().Replace(change.Before.Detail, change.After.Detail, StringComparison.Ordinal), change.After.CanonicalDefinition());
            Assert.Equal(change.Before.Topic, change.After.Topic);
            Assert.Same(change.Before, Assert.IsType<RewordedRule>(change.After).Original);
        });
        Assert.All(RuleSetCatalog.V1_10_0.Rules.Where(r => diff.Changed.All(c => c.After.Id != r.Id)), r => Assert.Same(r, RuleSetCatalog.V1_11_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.12.0 (QA157 F5): texts that said "shown" or "show" for what the history records, read as "not displayed", say
    /// "record" or "establish"; SUI-001's condition and detail say suicidality "recorded as none" where they said "no
    /// suicidality recorded". Each text changes exactly as listed here (each rule is 1.11.0's rule object reworded, its
    /// canonical line 1.11.0's but for those texts), nothing is added or removed, and every other rule is 1.11.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_11_0To1_12_0_ChangesOnlyTheWordsThatSaidShownForRecorded()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_11_0, RuleSetCatalog.V1_12_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        var rewording = new Dictionary<string, (string Part, string Was, string Now)[]>(StringComparer.Ordinal)
        {
            ["TRD-002"] =
            [
                ("summary",
                 "The source document's stricter TRD reading (failed trials of different mechanisms) is not shown.",
                 "The history does not record failed trials of at least two different mechanisms (the source document's stricter TRD reading)."),
            ],
            ["SUI-001"] =
            [
                ("summary", "(or an answer that could still show them is not recorded)", "(or an answer that could still establish them is not recorded)"),
                ("condition", "or no suicidality recorded while PHQ-9 item 9", "or suicidality recorded as none while PHQ-9 item 9"),
                ("detail", "In the same way, no suicidality recorded beside", "In the same way, suicidality recorded as none beside"),
            ],
            ["EU-005"] = [("detail", "with none recorded, the screening shows no severity at all.", "with none recorded, the screening records no severity at all.")],
        };
        AssertOnlyReworded(RuleSetCatalog.V1_11_0, RuleSetCatalog.V1_12_0, diff, rewording);
    }

    /// <summary>
    /// 1.13.0 (docs/clinical-review.md, section 21): texts that said "no X (is) recorded" where the answer is recorded as
    /// "none" or "no", which reads as a blank, say "recorded as none" or "recorded as absent"; and, the converse, texts that
    /// said "no X" for an answer not recorded (SUI-001's assessment, SUI-009's safety net) say "not recorded". Each text
    /// changes exactly as listed here (each rule is 1.12.0's rule object reworded, its canonical line 1.12.0's but for those
    /// texts), nothing is added or removed, and every other rule is 1.12.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_13_0To1_14_0_RestatesOnlyTheNineRulesAnIndicatedPathwayNeeds()
    {
        // 1.14.0 (QA184 F3; docs/clinical-review.md, section 22): nine rules restated to fire while the suicidal-ideation
        // pathway cannot yet be ruled out; their condition and its words change, and nothing else of any rule.
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_13_0, RuleSetCatalog.V1_14_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(RuleSetCatalog.V1_13_0.Pathways, RuleSetCatalog.V1_14_0.Pathways);
        Assert.Equal(["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"], diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.Equal(RuleSetCatalog.V1_13_0.Rules.Select(r => r.Id), RuleSetCatalog.V1_14_0.Rules.Select(r => r.Id));
        foreach (var (was, now) in diff.Changed)
        {
            Assert.Equal((was.Kind, was.Severity, was.Summary, was.Detail, was.Topic), (now.Kind, now.Severity, now.Summary, now.Detail, now.Topic));
            Assert.Equal(was.Principles, now.Principles);
            Assert.Equal(was.Sources, now.Sources);
            Assert.Equal(was.Concerns, now.Concerns);
            Assert.NotEqual(was.Condition.Canonical, now.Condition.Canonical);
            Assert.Contains("the suicidal-ideation pathway cannot yet be ruled out (SUI-001)", now.ConditionText, StringComparison.Ordinal);
            Assert.DoesNotContain("ruled out", was.ConditionText, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// 1.15.0 (helper 195; docs/clinical-review.md, section 25): TRD-007, one information finding, is added; every rule of
    /// 1.14.0 is kept as the same object, and the policy and pathways are 1.14.0's.
    /// </summary>
    [Fact]
    public void Diff_1_14_0To1_15_0_AddsTrd007InformationOnly()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_14_0, RuleSetCatalog.V1_15_0);
        Assert.Equal(["TRD-007"], diff.Added.Select(r => r.Id));
        Assert.All(diff.Added, r => Assert.Equal(FindingKind.Information, r.Kind));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.False(diff.PolicyChanged);
        Assert.All(RuleSetCatalog.V1_14_0.Rules, r => Assert.Same(r, RuleSetCatalog.V1_15_0.Find(r.Id)));
    }

    /// <summary>
    /// 1.16.0 (helper 199; docs/clinical-review.md, section 26): an unrecorded life-limiting illness is never read as "no".
    /// PAL-001 also holds while the palliative pathway cannot yet be ruled out (a new class, its texts say so); REC-005 also
    /// waits for the illness; the seven rules 1.14.0 restated that concern every pathway, and KET-002, fire while it waits.
    /// Nothing is added or removed; every other rule is 1.15.0's object; policy and pathways are 1.15.0's.
    /// </summary>
    [Fact]
    public void Diff_1_15_0To1_16_0_PalliativeNotRuledOutWhileTheIllnessIsNotRecorded()
    {
        var (was15, now16) = (RuleSetCatalog.V1_15_0, RuleSetCatalog.V1_16_0);
        var diff = RuleSetDiff.Between(was15, now16);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was15.Pathways, now16.Pathways);
        Assert.Equal(was15.ConcernsByRule, now16.ConcernsByRule);
        Assert.Equal(was15.Rules.Select(r => r.Id), now16.Rules.Select(r => r.Id));
        string[] restated = ["BIO-001", "CV-004", "HEP-003", "KET-002", "MED-005", "REMS-002", "REMS-003", "SAF-001"];
        Assert.Equal([.. restated.Append("PAL-001").Append("REC-005").Order(StringComparer.Ordinal)], diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was15.Rules.Where(r => !diff.Changed.Any(c => c.After.Id == r.Id)), r => Assert.Same(r, now16.Find(r.Id)));
        foreach (var (was, now) in diff.Changed)
        {
            // Never a new kind, severity, citation or concern.
            Assert.Equal((was.Kind, was.Severity, was.Topic), (now.Kind, now.Severity, now.Topic));
            Assert.Equal(was.Principles, now.Principles);
            Assert.Equal(was.Sources, now.Sources);
            Assert.Equal(was.Concerns, now.Concerns);
            Assert.NotEqual(was.Condition.Canonical, now.Condition.Canonical);
            Assert.NotEqual(was.ConditionText, now.ConditionText);
            Assert.Contains("lifeLimitingIllness is not recorded", now.Condition.Canonical, StringComparison.Ordinal);
            Assert.DoesNotContain("lifeLimitingIllness is not recorded", was.Condition.Canonical, StringComparison.Ordinal);
            if (restated.Contains(now.Id))
            {
                // Restated: only the condition and its words.
                Assert.Equal((was.Summary, was.Detail), (now.Summary, now.Detail));
                Assert.Contains("the palliative pathway", now.ConditionText, StringComparison.Ordinal);
                Assert.Contains("cannot yet be ruled out (PAL-001)", now.ConditionText.Replace("the palliative pathway (PAL-001) cannot yet be ruled out", "cannot yet be ruled out (PAL-001)", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }

        var (pal15, pal16) = (was15["PAL-001"], now16["PAL-001"]);
        Assert.Equal(typeof(KetamineCds.Domain.Rules.Palliative.PalliativePrognosisOfWeeksOffLabel), pal15.GetType());
        Assert.Equal(typeof(KetamineCds.Domain.Rules.Palliative.PalliativeWeeksOrNotRuledOut), pal16.GetType());
        Assert.Equal("any(" + pal15.Condition.Canonical + ", all((currentDepressiveEpisode = true), (lifeLimitingIllness is not recorded)))", pal16.Condition.Canonical);
        Assert.StartsWith(pal15.Detail, pal16.Detail, StringComparison.Ordinal);
        Assert.Contains("applies or cannot yet be ruled out", pal16.Summary, StringComparison.Ordinal);
        Assert.Contains("stays incomplete (REC-005)", pal16.Detail, StringComparison.Ordinal);

        // REC-005: the same blockers and words as 1.15.0's (1.13.0's), on the new indication, and one more item waited for.
        var (rec15, rec16) = (was15["REC-005"], now16["REC-005"]);
        Assert.Equal((rec15.Summary, rec15.Detail), (rec16.Summary, rec16.Detail));
        Assert.Equal(rec15.ConditionText[..^1] + ", or a life-limiting illness is not recorded.", rec16.ConditionText);
        Assert.Equal(
            rec15.Condition.Canonical.Replace(pal15.Condition.Canonical, pal16.Condition.Canonical, StringComparison.Ordinal),
            rec16.Condition.Canonical.Replace(", undetermined(lifeLimitingIllness = true))", "", StringComparison.Ordinal).Replace("any(any(", "any(", StringComparison.Ordinal));
    }

    /// <summary>
    /// 1.17.0 (helper 204; docs/clinical-review.md, section 28): EYE-001, a moderate caution on every pathway, is added for
    /// raised intraocular pressure recorded; SAF-001 (a new class, citing the pain consensus too) also names it when it is not
    /// recorded, restated to fire while a pathway cannot yet be ruled out as 1.16.0's does. Every other rule is 1.16.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_16_0To1_17_0_AddsEye001Saf001NamesTheEyeAndSui012IsReworded()
    {
        var (was16, now17) = (RuleSetCatalog.V1_16_0, RuleSetCatalog.V1_17_0);
        var diff = RuleSetDiff.Between(was16, now17);
        Assert.Equal(["EYE-001"], diff.Added.Select(r => r.Id));
        Assert.Equal((FindingKind.Caution, Severity.Moderate), (diff.Added[0].Kind, diff.Added[0].Severity));
        Assert.Equal(["P-SAFETY-REMS"], diff.Added[0].Principles);
        Assert.Equal(["ASRA-KETAMINE-PAIN-2018"], diff.Added[0].Sources);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(["SAF-001", "SUI-012"], diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was16.Rules.Where(r => r.Id is not "SAF-001" and not "SUI-012"), r => Assert.Same(r, now17.Find(r.Id)));

        // SUI-012 (Question C): reworded only, its condition and everything else 1.16.0's.
        var (sui16, sui17) = (was16["SUI-012"], now17["SUI-012"]);
        Assert.Equal(sui16.Condition.Canonical, sui17.Condition.Canonical);
        Assert.Equal((sui16.Kind, sui16.Severity, sui16.Topic), (sui17.Kind, sui17.Severity, sui17.Topic));
        Assert.Equal(sui16.Principles, sui17.Principles);
        Assert.Equal(sui16.Sources, sui17.Sources);
        Assert.Same(sui16.AsDefined, sui17.AsDefined);

        var (saf16, saf17) = (was16["SAF-001"], now17["SAF-001"]);
        Assert.Equal((saf16.Kind, saf16.Severity, saf16.Summary, saf16.Topic), (saf17.Kind, saf17.Severity, saf17.Summary, saf17.Topic));
        Assert.Equal(saf16.Principles, saf17.Principles);
        Assert.Equal([.. saf16.Sources, "ASRA-KETAMINE-PAIN-2018"], saf17.Sources);
        Assert.Equal(
            saf16.Condition.Canonical.Replace("(urinaryTractSymptoms is not recorded), ", "(urinaryTractSymptoms is not recorded), (raisedIntraocularPressure is not recorded), ", StringComparison.Ordinal),
            saf17.Condition.Canonical);
        Assert.Equal(saf16.ConditionText.Replace("urinary tract symptoms, ", "urinary tract symptoms, raised intraocular pressure, ", StringComparison.Ordinal), saf17.ConditionText);
        Assert.Equal(saf16.Detail.Replace("urinary symptoms for a baseline, ", "urinary symptoms for a baseline, raised intraocular pressure for a benefit-risk decision (the pain consensus lists it against intravenous ketamine), ", StringComparison.Ordinal), saf17.Detail);
        // Restated as 1.14.0's and 1.16.0's are, so that the result page tells the pathway's waiting items from its care items.
        Assert.NotSame(saf17.Condition, saf17.AsDefined.Condition);
        Assert.IsType<KetamineCds.Domain.Rules.Completeness.OtherSafetyHistoryAndIntraocularPressureNotRecorded>(saf17.AsDefined);
    }

    /// <summary>
    /// 1.18.0 (helper 211; docs/clinical-review.md, section 30, Questions E and F of section 24): MED-001, MED-004, MED-005 and
    /// NAL-002 are reworded (the REMS form named as the US esketamine one); BIP-001 and INV-001 (new classes) add a sentence
    /// to their detail and cite the REMS for it. Nothing else: every other rule is 1.17.0's object, and no condition, kind,
    /// severity or summary of BIP-001 and INV-001 changes.
    /// </summary>
    [Fact]
    public void Diff_1_17_0To1_18_0_RewordsFourRulesAndBip001AndInv001CiteTheRems()
    {
        var (was17, now18) = (RuleSetCatalog.V1_17_0, RuleSetCatalog.V1_18_0);
        var diff = RuleSetDiff.Between(was17, now18);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        string[] changed = ["BIP-001", "INV-001", "MED-001", "MED-004", "MED-005", "NAL-002"];
        Assert.Equal(changed, diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was17.Rules.Where(r => !changed.Contains(r.Id)), r => Assert.Same(r, now18.Find(r.Id)));

        foreach (var (before, after) in diff.Changed)
        {
            Assert.Equal(before.Condition.Canonical, after.Condition.Canonical);
            Assert.Equal((before.Kind, before.Severity, before.Topic, before.ConditionText, before.Concerns), (after.Kind, after.Severity, after.Topic, after.ConditionText, after.Concerns));
            if (after.Id is "BIP-001" or "INV-001")
            {
                // New classes: the same summary, a sentence added to the detail, the REMS cited for it.
                Assert.Equal(before.Summary, after.Summary);
                Assert.StartsWith(before.Detail + " If esketamine is chosen, the REMS still applies", after.Detail, StringComparison.Ordinal);
                Assert.Equal([.. before.Principles, "P-SAFETY-REMS"], after.Principles);
                Assert.Equal([.. before.Sources, "SPRAVATO-REMS"], after.Sources);
                Assert.IsNotType<RewordedRule>(after);
            }
            else
            {
                // Reworded (Question F): the released rule with new words, its citations and condition kept.
                Assert.Equal((before.Principles, before.Sources), (after.Principles, after.Sources));
                Assert.Same(before.AsDefined, after.AsDefined);
                Assert.Contains("REMS monitoring form", before.Summary + before.Detail, StringComparison.Ordinal);
                Assert.DoesNotContain("REMS monitoring form", after.Summary + after.Detail, StringComparison.Ordinal);
                Assert.Contains("for esketamine in the US", after.Detail, StringComparison.Ordinal);
                Assert.Equal(after.Id == "MED-001", before.Summary != after.Summary);
            }
        }
    }

    /// <summary>
    /// 1.19.0 (helper 233; docs/clinical-review.md, section 31): PAL-001 is 1.2.0's rule again (a prognosis of weeks, its
    /// texts as released then), PAL-003 is added for the palliative pathway that cannot yet be ruled out and stands for its
    /// indication then, BIP-008's detail is reworded, and the eight rules restated in 1.16.0 for the waiting palliative pathway
    /// name PAL-003 in their condition in words. Nothing else: every other rule is 1.18.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_18_0To1_19_0_SplitsPal001AndRewordsBip008()
    {
        var (was18, now19) = (RuleSetCatalog.V1_18_0, RuleSetCatalog.V1_19_0);
        var diff = RuleSetDiff.Between(was18, now19);
        Assert.Equal(["PAL-003"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.True(diff.PolicyChanged); // the pathway map names PAL-003; the policy's text is 1.7.0's
        string[] pointer = ["BIO-001", "CV-004", "HEP-003", "KET-002", "MED-005", "REMS-002", "REMS-003", "SAF-001"];
        Assert.Equal(pointer.Append("BIP-008").Append("PAL-001").Order(StringComparer.Ordinal), diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was18.Rules.Where(r => r.Id is not ("BIP-008" or "PAL-001") && !pointer.Contains(r.Id)), r => Assert.Same(r, now19.Find(r.Id)));
        Assert.All(pointer, id =>
        {
            // Only the pointer in the condition in words: the rule that says the palliative pathway cannot yet be ruled out.
            var (before, after) = (was18[id], now19[id]);
            Assert.Contains("(PAL-001)", before.ConditionText, StringComparison.Ordinal);
            Assert.Equal(before.ConditionText.Replace("(PAL-001)", "(PAL-003)", StringComparison.Ordinal), after.ConditionText);
            Assert.Equal(before.CanonicalDefinition().Replace("(PAL-001)", "(PAL-003)", StringComparison.Ordinal), after.CanonicalDefinition());
            Assert.Same(before.AsDefined, after.AsDefined);
        });

        var (pal18, pal19, pal3) = (was18["PAL-001"], now19["PAL-001"], now19["PAL-003"]);
        Assert.Equal(RuleSetCatalog.V1_2_0["PAL-001"].CanonicalDefinition(), pal19.CanonicalDefinition());
        Assert.Equal(pal18.Condition.Canonical, $"any({pal19.Condition.Canonical}, {pal3.Condition.Canonical})");
        Assert.Equal((pal18.Kind, pal18.Severity, pal18.Topic), (pal3.Kind, pal3.Severity, pal3.Topic));
        Assert.Equal((string.Join(',', pal18.Principles), string.Join(',', pal18.Sources)), (string.Join(',', pal3.Principles), string.Join(',', pal3.Sources)));
        Assert.Contains("(or a life-limiting illness is not recorded)", pal18.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", pal19.Summary, StringComparison.Ordinal);
        Assert.StartsWith("A life-limiting illness is not recorded: the palliative pathway cannot yet be ruled out.", pal3.Summary, StringComparison.Ordinal);
        Assert.Equal("PAL-001", now19.Pathways.Single(p => p.Pathway == Pathway.PalliativeRapidActing).IndicationRuleId);

        var (bip18, bip19) = (was18["BIP-008"], now19["BIP-008"]);
        Assert.Same(bip18.AsDefined, bip19.AsDefined);
        Assert.Equal((bip18.Summary, bip18.ConditionText, bip18.Condition.Canonical), (bip19.Summary, bip19.ConditionText, bip19.Condition.Canonical));
        Assert.EndsWith("the caution stays on every open bipolar-adjunct pathway.", bip18.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("bipolar-adjunct pathway", bip19.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// 1.20.0 (helper 239; docs/clinical-review.md, section 32): SUI-001 says only the indication (1.5.0's condition), SUI-016
    /// is added for the suicidal-ideation pathway that cannot yet be ruled out and stands for its indication then, the nine
    /// rules whose condition in words named SUI-001 for that pathway name SUI-016, and PAL-001 cites the REMS it names.
    /// Nothing else: every other rule is 1.19.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_19_0To1_20_0_SplitsSui001AndCitesTheRemsInPal001()
    {
        var (was19, now20) = (RuleSetCatalog.V1_19_0, RuleSetCatalog.V1_20_0);
        var diff = RuleSetDiff.Between(was19, now20);
        Assert.Equal(["SUI-016"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.True(diff.PolicyChanged); // the pathway map names SUI-016; the policy's text is 1.7.0's
        string[] pointer = ["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"];
        Assert.Equal(pointer, RuleSetCatalog.SuicidalIdeationNotRuledOutPointers);
        Assert.Equal(pointer.Append("PAL-001").Append("SUI-001").Order(StringComparer.Ordinal), diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was19.Rules.Where(r => r.Id is not ("PAL-001" or "SUI-001") && !pointer.Contains(r.Id)), r => Assert.Same(r, now20.Find(r.Id)));
        Assert.All(pointer, id =>
        {
            // Only the pointer in the condition in words: the rule that says the suicidal-ideation pathway cannot yet be ruled out.
            var (before, after) = (was19[id], now20[id]);
            Assert.Contains("(SUI-001)", before.ConditionText, StringComparison.Ordinal);
            Assert.Equal(before.ConditionText.Replace("(SUI-001)", "(SUI-016)", StringComparison.Ordinal), after.ConditionText);
            Assert.Equal(before.CanonicalDefinition().Replace("(SUI-001)", "(SUI-016)", StringComparison.Ordinal), after.CanonicalDefinition());
            Assert.Same(before.AsDefined, after.AsDefined);
        });

        var (sui19, sui20, sui16) = (was19["SUI-001"], now20["SUI-001"], now20["SUI-016"]);
        Assert.Equal(RuleSetCatalog.V1_5_0["SUI-001"].Condition.Canonical, $"any({sui20.Condition.Canonical}, all(all((primaryDiagnosis = mdd), (currentDepressiveEpisode = true)), (suicidality = passive-ideation), (preparatoryActsOrAbortedAttempt is not recorded)))");
        Assert.Equal(sui19.Condition.Canonical, $"any({sui20.Condition.Canonical}, {sui16.Condition.Canonical[4..^1]})");
        Assert.Equal((sui19.Kind, sui19.Severity, sui19.Topic), (sui16.Kind, sui16.Severity, sui16.Topic));
        Assert.Equal((sui19.Kind, sui19.Severity, sui19.Topic), (sui20.Kind, sui20.Severity, sui20.Topic));
        Assert.Equal((string.Join(',', sui19.Principles), string.Join(',', sui19.Sources)), (string.Join(',', sui16.Principles), string.Join(',', sui16.Sources)));
        Assert.Equal(RuleSetCatalog.V1_5_0["SUI-001"].Sources, sui20.Sources);
        Assert.Contains("(or an answer that could still establish them is not recorded)", sui19.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", sui20.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot yet be ruled out", sui20.Summary + sui20.ConditionText, StringComparison.Ordinal);
        Assert.Contains("the pathway cannot yet be ruled out.", sui16.Summary, StringComparison.Ordinal);
        Assert.Equal("SUI-001", now20.Pathways.Single(p => p.Pathway == Pathway.EsketamineSuicidalIdeation).IndicationRuleId);

        var (pal19, pal20) = (was19["PAL-001"], now20["PAL-001"]);
        Assert.Equal((pal19.Summary, pal19.ConditionText, pal19.Condition.Canonical, pal19.Kind, pal19.Severity), (pal20.Summary, pal20.ConditionText, pal20.Condition.Canonical, pal20.Kind, pal20.Severity));
        Assert.EndsWith("if esketamine is chosen, the REMS monitoring still applies.", pal19.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Citations.SpravatoRems, pal19.Sources);
        Assert.Equal([Citations.Palliative, Citations.SafetyRems], pal20.Principles);
        Assert.Equal([Citations.Irwin2013, Citations.SpravatoRems], pal20.Sources);
        Assert.Contains("the US programme, which this clinic applies in every jurisdiction", pal20.Detail, StringComparison.Ordinal);
        Assert.StartsWith(pal19.Detail[..pal19.Detail.IndexOf("; if esketamine is chosen", StringComparison.Ordinal)], pal20.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// 1.21.0 (helper 249; docs/clinical-review.md, section 33): TRD-003 is quiet where PAL-001's or SUI-001's indication holds
    /// and its detail confines "comes first" to the TRD pathways; SUI-013's detail speaks clinically; PAL-001's detail names
    /// discrepancy D9 once. Nothing else: every other rule is 1.20.0's object, and the pathway map and policy are 1.20.0's.
    /// </summary>
    [Fact]
    public void Diff_1_20_0To1_21_0_RewordsTrd003Sui013AndPal001()
    {
        var (was20, now21) = (RuleSetCatalog.V1_20_0, RuleSetCatalog.V1_21_0);
        var diff = RuleSetDiff.Between(was20, now21);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was20.Pathways, now21.Pathways);
        Assert.Equal(["PAL-001", "SUI-013", "TRD-003"], diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was20.Rules.Where(r => r.Id is not ("PAL-001" or "SUI-013" or "TRD-003")), r => Assert.Same(r, now21.Find(r.Id)));
        Assert.All(["PAL-001", "SUI-013", "TRD-003"], id =>
        {
            var (before, after) = (was20[id], now21[id]);
            Assert.Same(before.AsDefined, after.AsDefined);
            Assert.Equal((before.Kind, before.Severity, before.Topic, before.Summary), (after.Kind, after.Severity, after.Topic, after.Summary));
            Assert.Equal((string.Join(',', before.Principles), string.Join(',', before.Sources)), (string.Join(',', after.Principles), string.Join(',', after.Sources)));
            Assert.NotEqual(before.Detail, after.Detail);
        });

        var (trd20, trd21) = (was20["TRD-003"], now21["TRD-003"]);
        Assert.Equal($"all({trd20.Condition.Canonical}, noneholds({Indications.PalliativeWeeks.Canonical}, {Indications.SuicidalMddWithRecentBehaviour.Canonical}))", trd21.Condition.Canonical);
        Assert.Contains("Standard next-step antidepressant treatment comes first;", trd20.Detail, StringComparison.Ordinal);
        Assert.StartsWith(trd20.Detail[..trd20.Detail.IndexOf(" Standard next-step", StringComparison.Ordinal)], trd21.Detail, StringComparison.Ordinal);
        Assert.Contains("This concerns the TRD pathways only", trd21.Detail, StringComparison.Ordinal);
        Assert.StartsWith(trd20.ConditionText[..^1], trd21.ConditionText, StringComparison.Ordinal);

        var (sui20, sui21) = (was20["SUI-013"], now21["SUI-013"]);
        Assert.Equal(sui20.ConditionText, sui21.ConditionText);
        Assert.Equal(sui20.Condition.Canonical, sui21.Condition.Canonical);
        Assert.Contains("this caution is not listed beside it", sui20.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not listed", sui21.Detail, StringComparison.Ordinal);
        Assert.StartsWith(sui20.Detail[..sui20.Detail.IndexOf(" With imminent risk", StringComparison.Ordinal)], sui21.Detail, StringComparison.Ordinal);

        var (pal20, pal21) = (was20["PAL-001"], now21["PAL-001"]);
        Assert.Equal((pal20.ConditionText, pal20.Condition.Canonical), (pal21.ConditionText, pal21.Condition.Canonical));
        Assert.Equal(pal20.Detail.Replace("The pathway is off-label (discrepancy D9):", "The pathway is off-label:", StringComparison.Ordinal), pal21.Detail);
        Assert.Equal(1, pal21.Detail.Split("(discrepancy D9)").Length - 1);
    }

    /// <summary>
    /// 1.22.0 (helper 253; docs/clinical-review.md, section 34): SUI-014 reads imminent risk as ruled out rather than negated,
    /// so its finding names no question the form did not ask; its words and everything else are 1.21.0's. Nothing else
    /// changes: every other rule is 1.21.0's object, and the pathway map and policy are 1.21.0's.
    /// </summary>
    [Fact]
    public void Diff_1_21_0To1_22_0_ReexplainsSui014Only()
    {
        var (was21, now22) = (RuleSetCatalog.V1_21_0, RuleSetCatalog.V1_22_0);
        var diff = RuleSetDiff.Between(was21, now22);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was21.Pathways, now22.Pathways);
        Assert.Equal(["SUI-014"], diff.Changed.Select(r => r.After.Id));
        Assert.All(was21.Rules.Where(r => r.Id != "SUI-014"), r => Assert.Same(r, now22.Find(r.Id)));
        var (before, after) = (was21["SUI-014"], now22["SUI-014"]);
        Assert.Same(before.AsDefined, after.AsDefined);
        Assert.Equal(
            (before.Kind, before.Severity, before.Topic, before.Summary, before.Detail, before.ConditionText),
            (after.Kind, after.Severity, after.Topic, after.Summary, after.Detail, after.ConditionText));
        Assert.Equal((string.Join(',', before.Principles), string.Join(',', before.Sources)), (string.Join(',', after.Principles), string.Join(',', after.Sources)));
        Assert.Equal($"all({Indications.AnySuicidality.Canonical}, not{Indications.ImminentSuicideRisk.Canonical})", before.Condition.Canonical);
        Assert.Equal($"all({Indications.AnySuicidality.Canonical}, ruledout{Indications.ImminentSuicideRisk.Canonical})", after.Condition.Canonical);
    }

    /// <summary>
    /// 1.23.0 (helper 266; docs/clinical-review.md, section 35). F4: the ten rules that fire where a pathway is indicated or
    /// one cannot yet be ruled out are reexplained, their words and everything else 1.22.0's: each condition is 1.22.0's with
    /// its indication part read "indicated, or else waiting", <c>any(indicated, all(noneholds(indicated), waiting))</c>. F2:
    /// TRD-001, SUI-001, SUI-016 and EU-004 are reworded so that none says a pathway opens or applies, each saying it is
    /// applicable subject to the contraindications and requirements; their conditions and citations are 1.22.0's, and
    /// SUI-001's summary is shorter. Every other rule is 1.22.0's object; the pathway map and policy are 1.22.0's.
    /// </summary>
    [Fact]
    public void Diff_1_22_0To1_23_0_ReexplainsTheRulesOfAnIndicatedOrWaitingPathwayAndRewordsFourThatSaidAPathwayOpens()
    {
        var (was22, now23) = (RuleSetCatalog.V1_22_0, RuleSetCatalog.V1_23_0);
        var diff = RuleSetDiff.Between(was22, now23);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was22.Pathways, now23.Pathways);
        string[] reexplained = ["BIO-001", "CV-004", "HEP-003", "KET-002", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"];
        string[] reworded = ["EU-004", "SUI-001", "SUI-016", "TRD-001"];
        Assert.Equal(reexplained, RuleSetCatalog.IndicatedOrWaitingRules.Select(r => r.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(reexplained.Concat(reworded).Order(StringComparer.Ordinal), diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was22.Rules.Where(r => !reexplained.Contains(r.Id) && !reworded.Contains(r.Id)), r => Assert.Same(r, now23.Find(r.Id)));

        // The shape of each new indication part: indicated, or else (none of it holding) waiting.
        Assert.Equal(
            $"any({Indications.AnyIndicationWithRecentBehaviour.Canonical}, all(noneholds({Indications.AnyIndicationWithRecentBehaviour.Canonical}), any({Indications.SuicidalIdeationNotRuledOut.Canonical}, {Indications.PalliativeNotRuledOut.Canonical})))",
            Indications.AnyIndicationOrElseAPathwayNotRuledOut.Canonical);
        Assert.Equal(
            $"any({Indications.AnyEsketamineWithRecentBehaviour.Canonical}, all(noneholds({Indications.AnyEsketamineWithRecentBehaviour.Canonical}), {Indications.SuicidalIdeationNotRuledOut.Canonical}))",
            Indications.AnyEsketamineOrElseNotRuledOut.Canonical);
        Assert.Equal(
            $"any({Indications.AnyRacemicKetamine.Canonical}, all(noneholds({Indications.AnyRacemicKetamine.Canonical}), {Indications.PalliativeNotRuledOut.Canonical}))",
            Indications.AnyRacemicKetamineOrElsePalliativeNotRuledOut.Canonical);
        foreach (var (id, indication, reexplainedIndication) in RuleSetCatalog.IndicatedOrWaitingRules)
        {
            var (before, after) = (was22[id], now23[id]);
            Assert.Same(before.AsDefined, after.AsDefined);
            Assert.Equal(
                (before.Kind, before.Severity, before.Topic, before.Summary, before.Detail, before.ConditionText),
                (after.Kind, after.Severity, after.Topic, after.Summary, after.Detail, after.ConditionText));
            Assert.Equal((string.Join(',', before.Principles), string.Join(',', before.Sources)), (string.Join(',', after.Principles), string.Join(',', after.Sources)));
            Assert.Contains(indication.Canonical, before.Condition.Canonical, StringComparison.Ordinal);
            Assert.Equal(before.Condition.Canonical.Replace(indication.Canonical, reexplainedIndication.Canonical, StringComparison.Ordinal), after.Condition.Canonical);
        }

        var opens = new Regex(@"\bopen(s|ed)?\b|\bapplies\b");
        foreach (var id in reworded)
        {
            var (before, after) = (was22[id], now23[id]);
            Assert.Same(before.AsDefined, after.AsDefined);
            Assert.Equal((before.Kind, before.Severity, before.Topic, before.Condition.Canonical), (after.Kind, after.Severity, after.Topic, after.Condition.Canonical));
            Assert.Equal((string.Join(',', before.Principles), string.Join(',', before.Sources)), (string.Join(',', after.Principles), string.Join(',', after.Sources)));
            Assert.Matches(opens, before.Summary + " " + before.Detail + " " + before.ConditionText);
            Assert.DoesNotMatch(opens, after.Summary + " " + after.Detail + " " + after.ConditionText);
            Assert.Contains("applicable", after.Detail, StringComparison.Ordinal);
            Assert.Contains("subject to the contraindications and requirements", after.Detail, StringComparison.Ordinal);
        }

        var (sui22, sui23) = (was22["SUI-001"], now23["SUI-001"]);
        Assert.True(sui23.Summary.Length < sui22.Summary.Length, sui23.Summary);
        Assert.Equal("EU jurisdiction and the suicidal-ideation pathway is applicable (SUI-001).", now23["EU-004"].ConditionText);
        Assert.Equal((was22["TRD-001"].Summary, was22["TRD-001"].ConditionText), (now23["TRD-001"].Summary, now23["TRD-001"].ConditionText));
        Assert.Equal((was22["SUI-016"].Summary, was22["SUI-016"].ConditionText), (now23["SUI-016"].Summary, now23["SUI-016"].ConditionText));
    }

    /// <summary>
    /// 1.24.0 (helper 270; docs/clinical-review.md, section 36): the texts 1.23.0 left that said a pathway "opens", "applies"
    /// or stays "open" on an indication or a finding are reworded, each in the one part named here and only in the words
    /// named; conditions, kinds, severities, topics and citations are 1.23.0's, and every other rule is 1.23.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_23_0To1_24_0_RewordsTheTextsThatStillSaidAPathwayOpensOrApplies()
    {
        var (was23, now24) = (RuleSetCatalog.V1_23_0, RuleSetCatalog.V1_24_0);
        var diff = RuleSetDiff.Between(was23, now24);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was23.Pathways, now24.Pathways);
        (string Part, string Was, string Now) esketamine =
            ("condition",
             "An esketamine pathway applies (TRD, or acute suicidal ideation or recent suicidal behaviour),",
             "An esketamine pathway is applicable (TRD-001: treatment-resistant depression; SUI-001: acute suicidal ideation or recent suicidal behaviour),");
        var rewording = new Dictionary<string, (string Part, string Was, string Now)>(StringComparer.Ordinal)
        {
            ["PAL-003"] = ("detail", "does not open it.", "does not make it applicable."),
            ["REMS-001"] = esketamine,
            ["REMS-004"] = esketamine,
            ["SUI-002"] = ("condition", "The suicidal-ideation pathway applies (SUI-001:", "The suicidal-ideation pathway is applicable (SUI-001:"),
            ["SUI-010"] = ("detail", "The pathway stays open only as a caution:", "This is a caution, which does not close the pathway:"),
            ["SUI-015"] = ("detail", "so the disagreement opens nothing here;", "so the answer of 0 decides no pathway here;"),
            ["TRD-003"] = ("detail", "and they open once two adequate trials have failed.", "and they become applicable once two adequate trials have failed, subject to the contraindications and requirements."),
            ["TRD-007"] = ("detail", "no TRD pathway opens, whatever the trials.", "no TRD pathway is applicable, whatever the trials."),
        };
        Assert.Equal(rewording.Keys.Order(StringComparer.Ordinal), diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was23.Rules.Where(r => !rewording.ContainsKey(r.Id)), r => Assert.Same(r, now24.Find(r.Id)));
        var opens = new Regex(@"\bopen(s|ed)?\b|\bapplies\b");
        foreach (var (id, (part, was, now)) in rewording)
        {
            var (before, after) = (was23[id], now24[id]);
            Assert.Same(before.AsDefined, after.AsDefined);
            Assert.Equal((before.Kind, before.Severity, before.Topic, before.Condition.Canonical), (after.Kind, after.Severity, after.Topic, after.Condition.Canonical));
            Assert.Equal((string.Join(',', before.Principles), string.Join(',', before.Sources)), (string.Join(',', after.Principles), string.Join(',', after.Sources)));
            Assert.Matches(opens, was);
            Assert.DoesNotMatch(opens, now);
            string[] Words(Rule r) => [r.Summary, r.Detail, r.ConditionText];
            var changedAt = Array.IndexOf(RuleTextParts, part);
            foreach (var (i, b, a) in Words(before).Zip(Words(after)).Select((p, i) => (i, p.First, p.Second)))
            {
                if (i != changedAt)
                {
                    Assert.Equal(b, a);
                    continue;
                }

                Assert.Contains(was, b, StringComparison.Ordinal);
                Assert.Equal(b.Replace(was, now, StringComparison.Ordinal), a);
            }
        }

        // SUI-002's condition reads SUI-001's indication, REMS-001's and REMS-004's TRD-001's or SUI-001's (or else the waiting
        // pathway, SUI-016): the words name exactly those rules.
        Assert.Contains(now24["SUI-001"].Condition.Canonical, now24["SUI-002"].Condition.Canonical, StringComparison.Ordinal);
        Assert.Equal(Indications.AnyEsketamineOrElseNotRuledOut.Canonical, now24["REMS-001"].Condition.Canonical);
        Assert.Equal(Indications.AnyEsketamineOrElseNotRuledOut.Canonical, now24["REMS-004"].Condition.Canonical);
    }

    /// <summary>
    /// 1.25.0 (helper 275; docs/clinical-review.md, section 37). QA272 F2: REC-002 waits for preparatory acts or an aborted or
    /// interrupted attempt only with passive ideation, or with active ideation without a plan and suicidal intent not recorded
    /// as present; its indication, contraindications, intent item, summary and detail are 1.24.0's, and its condition and its
    /// words differ in that one item only. QA272 F7 and TRD-003: two summaries reworded in one phrase each. Every other rule
    /// is 1.24.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_24_0To1_25_0_Rec002WaitsForRecentBehaviourOnlyWhereItDecidesAndTwoSummariesAreReworded()
    {
        var (was24, now25) = (RuleSetCatalog.V1_24_0, RuleSetCatalog.V1_25_0);
        var diff = RuleSetDiff.Between(was24, now25);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was24.Pathways, now25.Pathways);
        Assert.Equal(was24.ConcernsByRule, now25.ConcernsByRule);
        Assert.Equal(was24.Rules.Select(r => r.Id), now25.Rules.Select(r => r.Id));
        Assert.Equal(["AGE-002", "REC-002", "TRD-003"], diff.Changed.Select(r => r.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was24.Rules.Where(r => r.Id is not ("AGE-002" or "REC-002" or "TRD-003")), r => Assert.Same(r, now25.Find(r.Id)));
        foreach (var (was, now) in diff.Changed)
        {
            Assert.Equal((was.Kind, was.Severity, was.Topic), (now.Kind, now.Severity, now.Topic));
            Assert.Equal((string.Join(',', was.Principles), string.Join(',', was.Sources)), (string.Join(',', now.Principles), string.Join(',', now.Sources)));
            Assert.Equal(was.Concerns, now.Concerns);
        }

        // F7 and TRD-003: the summary only, in one phrase.
        foreach (var (id, before, after) in new[]
        {
            ("AGE-002", "Aged 24 or under:", "Aged 18 to 24:"),
            ("TRD-003", "the TRD pathways are closed.", "the TRD pathways are not applicable."),
        })
        {
            var (was, now) = (was24[id], now25[id]);
            Assert.Same(was.AsDefined, now.AsDefined);
            Assert.Equal((was.Condition.Canonical, was.ConditionText, was.Detail), (now.Condition.Canonical, now.ConditionText, now.Detail));
            Assert.Contains(before, was.Summary, StringComparison.Ordinal);
            Assert.Equal(was.Summary.Replace(before, after, StringComparison.Ordinal), now.Summary);
        }

        Assert.Equal("(ageYears in 18..24)", now25["AGE-002"].Condition.Canonical);

        // F2: REC-002 built again, the same rule but for its recent-behaviour item.
        var (rec24, rec25) = (was24["REC-002"], now25["REC-002"]);
        Assert.IsType<KetamineCds.Domain.Rules.Completeness.PathwayCompleteness>(rec25.AsDefined);
        Assert.NotSame(rec24.AsDefined, rec25.AsDefined);
        Assert.Equal((rec24.Summary, rec24.Detail), (rec25.Summary, rec25.Detail));
        const string WaitedFor24 = "undeterminedall((suicidality in [passive-ideation, active-ideation]), (preparatoryActsOrAbortedAttempt = true))";
        const string WaitedFor25 = "undeterminedall(any((suicidality = passive-ideation), all((suicidality = active-ideation), (suicidalIntent is not true))), (preparatoryActsOrAbortedAttempt = true))";
        Assert.Equal(1, Regex.Count(rec24.Condition.Canonical, Regex.Escape(WaitedFor24)));
        Assert.EndsWith(WaitedFor24 + "))", rec24.Condition.Canonical, StringComparison.Ordinal);
        Assert.Equal(rec24.Condition.Canonical.Replace(WaitedFor24, WaitedFor25, StringComparison.Ordinal), rec25.Condition.Canonical);
        Assert.EndsWith(", or preparatory acts or an aborted or interrupted attempt are not recorded for passive ideation or active ideation without a plan.", rec24.ConditionText, StringComparison.Ordinal);
        Assert.Equal(
            rec24.ConditionText[..^"passive ideation or active ideation without a plan.".Length]
                + "passive ideation, or for active ideation without a plan where suicidal intent is not recorded as present.",
            rec25.ConditionText);
        // 1.13.0's words for the item-9 assessment stay.
        Assert.Contains("suicidality is recorded as none beside a positive PHQ-9 item 9", rec25.ConditionText, StringComparison.Ordinal);

    }

    /// <summary>
    /// 1.29.0 (helper 314; docs/clinical-review.md, section 41): wording only, for QA313. SUI-001's detail says "in the two
    /// trials for this indication … within 24 hours" where it said "within hours" (the first review's SUI-001 row); PAIN-001's
    /// and PAIN-002's details say that pain (hyperalgesia) is not on its own an indication and makes no pathway applicable
    /// here. Each is 1.28.0's reworded, the detail and nothing else, in the one sentence named; every other rule is 1.28.0's
    /// object.
    /// </summary>
    [Fact]
    public void Diff_1_28_0To1_29_0_RewordsOnlySui001AndThePainDetails()
    {
        var (was28, now29) = (RuleSetCatalog.V1_28_0, RuleSetCatalog.V1_29_0);
        var diff = RuleSetDiff.Between(was28, now29);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        string[] reworded = ["PAIN-001", "PAIN-002", "SUI-001"];
        Assert.Equal(reworded, diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was28.Rules.Where(r => !reworded.Contains(r.Id)), r => Assert.Same(r, now29.Find(r.Id)));
        Assert.Equal(was28.Rules.Select(r => r.Id), now29.Rules.Select(r => r.Id));
        (string Id, string Was, string Now)[] sentences =
        [
            ("SUI-001",
                "Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks.",
                "Its value here is speed: in the two trials for this indication it reduced depressive symptoms more than placebo within 24 hours, while standard antidepressants take weeks."),
            ("PAIN-001",
                "(discrepancy D8); the depression pathways are judged on their own criteria.",
                "(discrepancy D8). Pain is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria."),
            ("PAIN-002",
                "(discrepancy D8); coordinate with the pain team",
                "(discrepancy D8). Hyperalgesia is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria. Coordinate with the pain team"),
        ];
        Assert.All(sentences, c =>
        {
            var (was, now) = (was28[c.Id], now29[c.Id]);
            Assert.IsType<RewordedRule>(now);
            Assert.Same(was.AsDefined, now.AsDefined);
            Assert.Equal(
                (was.Condition.Canonical, was.ConditionText, was.Summary, was.Kind, was.Severity, was.Topic, was.Concerns),
                (now.Condition.Canonical, now.ConditionText, now.Summary, now.Kind, now.Severity, now.Topic, now.Concerns));
            Assert.Equal((string.Join(',', was.Principles), string.Join(',', was.Sources)), (string.Join(',', now.Principles), string.Join(',', now.Sources)));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(was.Detail, System.Text.RegularExpressions.Regex.Escape(c.Was)));
            Assert.Equal(was.Detail.Replace(c.Was, c.Now, StringComparison.Ordinal), now.Detail);
            Assert.NotEqual(was.Detail, now.Detail);
            Assert.DoesNotContain("within hours", now.Detail, StringComparison.Ordinal);
            Assert.True(c.Id == "SUI-001" || System.Text.RegularExpressions.Regex.Count(now.Detail, "judged on their own criteria") == 1, $"{c.Id} says it once");
        });
    }

    /// <summary>
    /// 1.28.0 (helper 297; docs/clinical-review.md, section 40): wording only. The completeness rules REC-001 to REC-006 are
    /// 1.27.0's reworded, the summary and nothing else: it says what the rule lists is not recorded, or recorded as not done
    /// (1.27.0 waits for the item-9 assessment recorded as not done too, and said only "Not recorded:"). Conditions, details,
    /// conditions in words, kinds, severities, citations, topics and concerns are 1.27.0's; every other rule is 1.27.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_27_0To1_28_0_RewordsOnlyTheCompletenessSummaries()
    {
        var (was27, now28) = (RuleSetCatalog.V1_27_0, RuleSetCatalog.V1_28_0);
        var diff = RuleSetDiff.Between(was27, now28);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        string[] recs = ["REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006"];
        Assert.Equal(recs, diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was27.Rules.Where(r => !recs.Contains(r.Id)), r => Assert.Same(r, now28.Find(r.Id)));
        Assert.Equal(was27.Rules.Select(r => r.Id), now28.Rules.Select(r => r.Id));
        Assert.Equal(recs, was27.Pathways.Select(p => p.CompletenessRuleId!).Order(StringComparer.Ordinal));
        Assert.All(recs, id =>
        {
            var (was, now) = (was27[id], now28[id]);
            Assert.IsType<RewordedRule>(now);
            Assert.Same(was.AsDefined, now.AsDefined);
            Assert.Equal(
                (was.Condition.Canonical, was.ConditionText, was.Detail, was.Kind, was.Severity, was.Topic, was.Concerns),
                (now.Condition.Canonical, now.ConditionText, now.Detail, now.Kind, now.Severity, now.Topic, now.Concerns));
            Assert.Equal((string.Join(',', was.Principles), string.Join(',', was.Sources)), (string.Join(',', now.Principles), string.Join(',', now.Sources)));
            Assert.Equal(
                was.Summary
                    .Replace("Not recorded: the ", "Not recorded, or recorded as not done: the ", StringComparison.Ordinal)
                    .Replace(
                        " pathway cannot open until the safety items listed are answered.",
                        " pathway cannot open until the safety items listed are recorded and any suicide-risk assessment listed is recorded as done.",
                        StringComparison.Ordinal),
                now.Summary);
            Assert.NotEqual(was.Summary, now.Summary);
        });
    }

    /// <summary>
    /// 1.27.0 (helper 294; docs/clinical-review.md, section 39), answering QA293. F2: the completeness rules REC-001 to REC-006
    /// are built again to wait for the suicide-risk assessment after a positive PHQ-9 item 9 until it is recorded as done
    /// (<c>is not true</c> where 1.26.0 read <c>is not recorded</c>), their words saying so; SUI-016 and the nine rules that say
    /// what an indicated or waiting pathway needs read the suicidal-ideation pathway as waiting in the same way (restated); SUI-008
    /// is reworded (detail only). F1: SUI-017 is added. Wording: MED-006's and TRD-001's details are reworded; AGE-003 cites
    /// SPRAVATO-PI-HK (a new class, its detail too). Every other rule is 1.26.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_26_0To1_27_0_TheItem9AssessmentWaitsUntilDoneAndSui017IsAdded()
    {
        var (was26, now27) = (RuleSetCatalog.V1_26_0, RuleSetCatalog.V1_27_0);
        var diff = RuleSetDiff.Between(was26, now27);
        Assert.Equal(["SUI-017"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        string[] recs = ["REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006"];
        string[] needs = ["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"];
        string[] wording = ["AGE-003", "MED-006", "TRD-001"];
        string[] changed = [.. recs, .. needs, "SUI-008", "SUI-016", .. wording];
        Assert.Equal(changed.Order(StringComparer.Ordinal), diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(was26.Rules.Where(r => !changed.Contains(r.Id)), r => Assert.Same(r, now27.Find(r.Id)));
        Assert.Equal(was26.Rules.Select(r => r.Id), now27.Rules.Select(r => r.Id).Where(id => id != "SUI-017"));

        // Nothing but the condition and the words changes (and AGE-003's source): kind, severity, citations, topic and concerns are 1.26.0's.
        Assert.All(changed.Where(id => id != "AGE-003"), id =>
        {
            var (was, now) = (was26[id], now27[id]);
            Assert.Equal((was.Kind, was.Severity, was.Topic, was.Concerns), (now.Kind, now.Severity, now.Topic, now.Concerns));
            Assert.Equal((string.Join(',', was.Principles), string.Join(',', was.Sources)), (string.Join(',', now.Principles), string.Join(',', now.Sources)));
        });

        // The item-9 assessment: "is not recorded" becomes "is not true" wherever it is read, and nothing else of a condition changes.
        const string Blank = "(suicideRiskAssessedAfterItem9 is not recorded)";
        const string NotDone = "(suicideRiskAssessedAfterItem9 is not true)";
        Assert.All([.. recs, .. needs, "SUI-016"], id =>
        {
            Assert.Contains(Blank, was26[id].Condition.Canonical, StringComparison.Ordinal);
            Assert.DoesNotContain(Blank, now27[id].Condition.Canonical, StringComparison.Ordinal);
            Assert.Contains(NotDone, now27[id].Condition.Canonical, StringComparison.Ordinal);
        });
        // REC-002's indication reads the pathway as waiting in the same way; every indication, the contraindications waited for
        // and the other items are 1.26.0's word for word.
        Assert.All(recs, id => Assert.Equal(was26[id].Condition.Canonical.Replace(Blank, NotDone, StringComparison.Ordinal), now27[id].Condition.Canonical));
        Assert.All(needs, id => Assert.Equal(was26[id].Condition.Canonical.Replace(Blank, NotDone, StringComparison.Ordinal), now27[id].Condition.Canonical));
        Assert.Equal(was26["SUI-016"].Condition.Canonical.Replace(Blank, NotDone, StringComparison.Ordinal), now27["SUI-016"].Condition.Canonical);
        Assert.Equal(was26["SUI-008"].Condition.Canonical, now27["SUI-008"].Condition.Canonical);

        // The words: the completeness rules' item and one sentence of detail; the needs' pointer to SUI-016; SUI-008's detail.
        Assert.All(recs, id =>
        {
            Assert.Equal(
                was26[id].ConditionText.Replace(
                    "and the suicide-risk assessment since is not recorded",
                    "and the suicide-risk assessment since is not recorded as done (not recorded, or recorded as not done)",
                    StringComparison.Ordinal),
                now27[id].ConditionText);
            Assert.Equal(was26[id].Detail + KetamineCds.Domain.Rules.Completeness.PathwayCompleteness.Item9AssessmentNotDoneDetail, now27[id].Detail);
            Assert.Equal(was26[id].Summary, now27[id].Summary);
        });
        Assert.All(needs, id =>
        {
            Assert.Equal(
                was26[id].ConditionText.Replace("(SUI-016)", "(SUI-016; also while the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done)", StringComparison.Ordinal),
                now27[id].ConditionText);
            Assert.NotEqual(was26[id].ConditionText, now27[id].ConditionText);
            Assert.Equal((was26[id].Summary, was26[id].Detail), (now27[id].Summary, now27[id].Detail));
        });
        Assert.Equal((was26["SUI-008"].Summary, was26["SUI-008"].ConditionText), (now27["SUI-008"].Summary, now27["SUI-008"].ConditionText));
        Assert.EndsWith("whether it is not recorded or recorded as not done: until then the suicidality recorded as none has not been checked against the item.", now27["SUI-008"].Detail, StringComparison.Ordinal);
        Assert.Contains("is not recorded as done (not recorded, or recorded as not done)", now27["SUI-016"].ConditionText, StringComparison.Ordinal);
        Assert.Contains("An assessment recorded as not done is waited for as a blank one is", now27["SUI-016"].Detail, StringComparison.Ordinal);
        Assert.EndsWith("or an assessment since recorded as done, does not make it applicable.", now27["SUI-016"].Detail, StringComparison.Ordinal);

        // The wording: the detail only, and for AGE-003 its source; each condition is 1.26.0's.
        Assert.All(wording, id =>
        {
            var (was, now) = (was26[id], now27[id]);
            Assert.Equal((was.Condition.Canonical, was.ConditionText, was.Summary, was.Kind, was.Severity, was.Topic), (now.Condition.Canonical, now.ConditionText, now.Summary, now.Kind, now.Severity, now.Topic));
            Assert.NotEqual(was.Detail, now.Detail);
        });
        Assert.Equal(["SPRAVATO-PI-HK"], now27["AGE-003"].Sources);
        Assert.Equal(["SPRAVATO-SMPC-EU"], was26["AGE-003"].Sources);
        Assert.Equal((was26["MED-006"].Sources, was26["TRD-001"].Sources), (now27["MED-006"].Sources, now27["TRD-001"].Sources));

        var sui017 = now27["SUI-017"];
        Assert.Equal((FindingKind.Caution, Severity.Moderate, "Suicide"), (sui017.Kind, sui017.Severity, sui017.Topic));
        Assert.Equal(["PHQ-9"], sui017.Sources);
        Assert.Equal("all((suicidality = none), (phq9Total >= 0), (phq9Item9 is not recorded))", sui017.Condition.Canonical);
    }

    /// <summary>
    /// 1.26.0 (helper 283; docs/clinical-review.md, section 38). QA281 F6: SUI-013 is restated to fire only where imminent risk
    /// is not established, so it is no longer listed beside SUI-010; its condition keeps 1.4.0's "any suicidality, net not
    /// whole" and reads "noneholds(imminent risk)" where it read "noneholds(SUI-009's condition)", and its condition in words
    /// says so. Summary, detail, kind, severity, citations and topic are 1.25.0's; every other rule is 1.25.0's object.
    /// </summary>
    [Fact]
    public void Diff_1_25_0To1_26_0_Sui013IsRestatedToFireOnlyWhereImminentRiskIsNotEstablished()
    {
        var (was25, now26) = (RuleSetCatalog.V1_25_0, RuleSetCatalog.V1_26_0);
        var diff = RuleSetDiff.Between(was25, now26);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(was25.Pathways, now26.Pathways);
        Assert.Equal(was25.ConcernsByRule, now26.ConcernsByRule);
        Assert.Equal(was25.Rules.Select(r => r.Id), now26.Rules.Select(r => r.Id));
        Assert.Equal(["SUI-013"], diff.Changed.Select(r => r.After.Id));
        Assert.All(was25.Rules.Where(r => r.Id != "SUI-013"), r => Assert.Same(r, now26.Find(r.Id)));

        var (was, now) = (was25["SUI-013"], now26["SUI-013"]);
        Assert.Same(was.AsDefined, now.AsDefined);
        Assert.Equal((was.Kind, was.Severity, was.Topic, was.Concerns), (now.Kind, now.Severity, now.Topic, now.Concerns));
        Assert.Equal((string.Join(',', was.Principles), string.Join(',', was.Sources)), (string.Join(',', now.Principles), string.Join(',', now.Sources)));
        Assert.Equal((was.Summary, was.Detail), (now.Summary, now.Detail));

        // The condition: the same "net not whole" part, the exclusion widened from SUI-009's condition to imminent risk itself.
        var notWhole = KetamineCds.Domain.Rules.Suicide.SafetyNetIncomplete.SafetyNetNotWhole.Canonical;
        Assert.Equal($"all({notWhole}, noneholds({RuleSetCatalog.V1_25_0["SUI-009"].Condition.Canonical}))", was.Condition.Canonical);
        Assert.Equal($"all({notWhole}, noneholds({Indications.ImminentSuicideRisk.Canonical}))", now.Condition.Canonical);
        // SUI-009 and SUI-010, which now speak for imminent risk alone, each require it.
        Assert.All(["SUI-009", "SUI-010"], id => Assert.StartsWith($"all({Indications.ImminentSuicideRisk.Canonical}, ", now26[id].Condition.Canonical, StringComparison.Ordinal));

        // The words: 1.25.0's first two clauses, then what the condition now excludes.
        const string Shared = "Any suicidality is recorded, a safety plan, lethal-means counselling or immediate follow-up is not recorded as in place, and ";
        Assert.StartsWith(Shared + "SUI-009 does not apply", was.ConditionText, StringComparison.Ordinal);
        Assert.Equal(
            Shared + "the answers recorded do not establish imminent risk (SUI-007): they rule it out or leave it undecided. With imminent risk, SUI-010 (part of the safety net missing) or SUI-009 (none of it in place) applies instead.",
            now.ConditionText);
    }

    /// <summary>
    /// From 1.24.0 (section 36) no text of the current rule set says a pathway opens, or that a pathway applies, but the
    /// ones kept on purpose: the completeness rules say a pathway cannot open until its safety items are answered (a
    /// condition of the status the decision policy calls open, not a claim that it is open), BIP-008 marks every pathway
    /// that is open (the status), and PAL-002 says the other pathways apply on their usual criteria (not that they are
    /// applicable). "Open-label" (PAL-001) is a kind of study. 1.23.0 still had eight others.
    /// </summary>
    [Fact]
    public void Words_CurrentRuleSet_SayAPathwayOpensOrAppliesOnlyWhereKeptOnPurpose()
    {
        Assert.Empty(SayingAPathwayOpens(Current));
        Assert.Equal(["PAL-003", "REMS-001", "REMS-004", "SUI-002", "SUI-010", "SUI-015", "TRD-003", "TRD-007"], SayingAPathwayOpens(RuleSetCatalog.V1_23_0));
    }

    private static string[] SayingAPathwayOpens(RuleSet ruleSet)
    {
        var opens = new Regex(@"\bopen(s|ed)?\b(?!-label)|\bpathways? appl(y|ies)\b");
        string[] kept =
        [
            "pathway cannot open until the safety items listed are answered",
            "pathway cannot open until the safety items listed are recorded",
            "it marks every pathway that is open",
            "the other pathways apply on their usual criteria",
        ];
        return ruleSet.Rules
            .Select(r => (r.Id, Words: string.Join(' ', r.Summary, r.Detail, r.ConditionText)))
            .Where(r => opens.Matches(r.Words).Any(m => !kept.Any(k => Within(r.Words, m.Index, k))))
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();

        static bool Within(string words, int index, string phrase)
        {
            for (var start = words.IndexOf(phrase, StringComparison.Ordinal); start >= 0; start = words.IndexOf(phrase, start + 1, StringComparison.Ordinal))
            {
                if (index >= start && index < start + phrase.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }

    [Fact]
    public void Diff_1_12_0To1_13_0_ChangesOnlyTheWordsThatSaidNoRecordedForRecordedAsNone()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_12_0, RuleSetCatalog.V1_13_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        (string Part, string Was, string Now)[] item9 =
        [
            ("condition",
             "or no suicidality is recorded beside a positive PHQ-9 item 9 and the suicide-risk assessment since is not recorded",
             "or suicidality is recorded as none beside a positive PHQ-9 item 9 and the suicide-risk assessment since is not recorded"),
        ];
        var rewording = new Dictionary<string, (string Part, string Was, string Now)[]>(StringComparer.Ordinal)
        {
            ["REC-001"] = item9,
            ["REC-002"] = item9,
            ["REC-003"] = item9,
            ["REC-004"] = item9,
            ["REC-005"] = item9,
            ["REC-006"] = item9,
            ["SCR-002"] =
            [
                ("summary", "although no current depressive episode is recorded:", "although a current depressive episode is recorded as absent:"),
                ("condition", "No current depressive episode is recorded but", "A current depressive episode is recorded as absent but"),
                ("detail", "needs a current episode recorded.", "needs a current episode recorded as present."),
            ],
            ["TRD-005"] =
            [
                ("summary", "but no current depressive episode is:", "but a current depressive episode is recorded as absent:"),
                ("condition",
                 "No current depressive episode is recorded, and one or more failed adequate antidepressant trials in the current episode are.",
                 "A current depressive episode is recorded as absent, and one or more failed adequate antidepressant trials in the current episode are recorded."),
                ("detail", "With no current episode recorded, every", "With the current episode recorded as absent, every"),
            ],
            ["SUI-001"] = [("condition", "and no suicide-risk assessment since is recorded.", "and the suicide-risk assessment since is not recorded.")],
            ["SUI-009"] =
            [
                ("condition",
                 "no safety plan, no lethal-means counselling and no follow-up arranged.",
                 "the safety plan, lethal-means counselling and follow-up are each recorded as not in place or not recorded."),
            ],
        };
        AssertOnlyReworded(RuleSetCatalog.V1_12_0, RuleSetCatalog.V1_13_0, diff, rewording);
    }

    /// <summary>
    /// A release that only rewords: each changed rule's texts change exactly as <paramref name="rewording"/> lists, its
    /// canonical line <paramref name="before"/>'s but for those texts, each rule a rewording of its first original; nothing
    /// else changes, and every other rule is <paramref name="before"/>'s very object.
    /// </summary>
    private static void AssertOnlyReworded(RuleSet before, RuleSet after, RuleSetDiff diff, Dictionary<string, (string Part, string Was, string Now)[]> rewording)
    {
        Assert.Equal(rewording.Keys.Order(StringComparer.Ordinal), diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed, change =>
        {
            var expectedLine = change.Before.CanonicalDefinition();
            foreach (var part in RuleTextParts)
            {
                var expected = Text(change.Before, part);
                foreach (var (_, was, now) in rewording[change.After.Id].Where(w => w.Part == part))
                {
                    Assert.Contains(was, expected, StringComparison.Ordinal);
                    expected = expected.Replace(was, now, StringComparison.Ordinal);
                }

                Assert.Equal(expected, Text(change.After, part));
                expectedLine = expectedLine.Replace(Text(change.Before, part), Text(change.After, part), StringComparison.Ordinal);
            }

            Assert.Equal(expectedLine, change.After.CanonicalDefinition());
            Assert.Equal(change.Before.Topic, change.After.Topic);
            Assert.Equal(change.Before.Concerns, change.After.Concerns);
            // Reworded again, SUI-001 keeps its first original (1.11.0's, of which 1.12.0's is a rewording); the others are
            // the very objects of 1.12.0 reworded.
            var original = change.Before is RewordedRule reworded ? reworded.Original : change.Before;
            Assert.Same(original, Assert.IsType<RewordedRule>(change.After).Original);
        });
        Assert.All(before.Rules.Where(r => diff.Changed.All(c => c.After.Id != r.Id)), r => Assert.Same(r, after.Find(r.Id)));

        static string Text(Rule rule, string part) => part switch
        {
            "summary" => rule.Summary,
            "detail" => rule.Detail,
            _ => rule.ConditionText,
        };
    }

    [Fact]
    public void Digest_ChangingThePathwaysACautionConcerns_ChangesTheDigest()
    {
        var digests = new HashSet<string>(StringComparer.Ordinal) { Current.Digest };
        foreach (var target in Current.Rules.Where(r => r.Kind == FindingKind.Caution))
        {
            IReadOnlyList<Pathway> other = target.Concerns is null ? [Pathway.BipolarAdjunct] : [];
            var changed = Rebuilt(r => r.Id == target.Id ? new TweakedRule(r) { ConcernsOverride = other } : r);
            Assert.True(digests.Add(changed.Digest), $"changing the pathways {target.Id} concerns did not give a new digest");
        }
    }

    [Fact]
    public void Constructor_ARuleThatIsNotACautionNamingPathways_IsRefused()
    {
        var requirement = Current.Rules.First(r => r.Kind == FindingKind.Requirement);
        var error = Assert.Throws<ArgumentException>(() => Rebuilt(r => r == requirement ? new TweakedRule(r) { ConcernsOverride = [Pathway.EsketamineTrd], KindOverride = FindingKind.Requirement } : r));
        Assert.Contains(requirement.Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_1_5_0To1_6_0_AddsOnlyScr002()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_5_0, RuleSetCatalog.V1_6_0);
        Assert.Equal(["SCR-002"], diff.Added.Select(r => r.Id));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.False(diff.PolicyChanged);
        Assert.All(RuleSetCatalog.V1_5_0.Rules, r => Assert.Same(r, RuleSetCatalog.V1_6_0.Find(r.Id)));
    }

    [Fact]
    public void Diff_1_3_0To1_4_0_ChangesOnlyCv002AndSui013()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_3_0, RuleSetCatalog.V1_4_0);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Equal(["CV-002", "SUI-013"], diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.False(diff.PolicyChanged);
        Assert.Equal(RuleSetCatalog.V1_3_0.Pathways, RuleSetCatalog.V1_4_0.Pathways);
        Assert.All(diff.Changed, change =>
        {
            // Only the condition and its words changed: kind, severity, citations and summary are 1.3.0's.
            Assert.Equal((change.Before.Kind, change.Before.Severity, change.Before.Summary), (change.After.Kind, change.After.Severity, change.After.Summary));
            Assert.Equal(change.Before.Sources, change.After.Sources);
            Assert.Equal(change.Before.Principles, change.After.Principles);
            Assert.NotEqual(change.Before.ConditionText, change.After.ConditionText);
        });
        Assert.All(RuleSetCatalog.V1_3_0.Rules.Where(r => r.Id is not "CV-002" and not "SUI-013"), r =>
            Assert.Same(r.GetType(), RuleSetCatalog.V1_4_0.Find(r.Id)!.GetType()));
    }

    [Fact]
    public void Diff_1_2_0To1_3_0_ListsExactlyTheAddedAndChangedRules()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_2_0, RuleSetCatalog.V1_3_0);
        Assert.Equal(["CV-008", "EU-003", "MED-006"], diff.Added.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["EU-001", "EU-002", "MED-001", "SAF-001", "SUI-002", "SUI-013"], diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(RuleSetCatalog.V1_2_0.Pathways, RuleSetCatalog.V1_3_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_2_0.Rules.Count + 3, RuleSetCatalog.V1_3_0.Rules.Count);
        var touched = diff.Changed.Select(c => c.Before.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(RuleSetCatalog.V1_2_0.Rules.Where(r => !touched.Contains(r.Id)), before =>
            Assert.Same(before.GetType(), RuleSetCatalog.V1_3_0.Find(before.Id)!.GetType()));
    }

    [Fact]
    public void Diff_1_2_0To1_3_0_Med001_ChangesOnlyItsDetail()
    {
        var before = RuleSetCatalog.V1_2_0.Find("MED-001")!;
        var after = RuleSetCatalog.V1_3_0.Find("MED-001")!;
        Assert.Equal((before.Kind, before.Severity, before.Condition.Canonical, before.ConditionText, before.Summary), (after.Kind, after.Severity, after.Condition.Canonical, after.ConditionText, after.Summary));
        Assert.Equal(before.Sources, after.Sources);
        Assert.NotEqual(before.Detail, after.Detail);
    }

    [Fact]
    public void Diff_1_1_0To1_2_0_ListsExactlyTheAddedAndChangedRules()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_2_0);
        Assert.Equal(["SUI-013"], diff.Added.Select(r => r.Id));
        Assert.Equal(
            ["CV-004", "HEP-003", "MED-005", "PAL-001", "SAF-001", "SUB-001", "SUB-004", "SUI-008"],
            diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.Empty(diff.Removed);
        Assert.False(diff.PolicyChanged);
        Assert.Equal(RuleSetCatalog.V1_1_0.Pathways, RuleSetCatalog.V1_2_0.Pathways);
        Assert.Equal(RuleSetCatalog.V1_1_0.Rules.Count + 1, RuleSetCatalog.V1_2_0.Rules.Count);
    }

    [Theory]
    [InlineData("CV-004")]
    [InlineData("HEP-003")]
    [InlineData("MED-005")]
    [InlineData("SAF-001")]
    [InlineData("SUB-004")]
    public void Diff_1_1_0To1_2_0_CareItemNotRecorded_ChangesOnlyFromRequirementToCaution(string ruleId)
    {
        var before = RuleSetCatalog.V1_1_0.Find(ruleId)!;
        var after = RuleSetCatalog.V1_2_0.Find(ruleId)!;
        Assert.Equal(FindingKind.Requirement, before.Kind);
        Assert.Equal(FindingKind.Caution, after.Kind);
        Assert.Equal(before.Severity, after.Severity);
        Assert.Equal(before.Principles, after.Principles);
        Assert.Equal(before.Sources, after.Sources);
        Assert.Equal(before.Condition.Canonical, after.Condition.Canonical);
        Assert.Equal(before.ConditionText, after.ConditionText);
        Assert.Equal(before.Summary, after.Summary);
        Assert.Equal(before.Detail, after.Detail);
    }

    [Fact]
    public void Diff_1_1_0To1_2_0_KeepsEveryOtherRuleOf1_1_0WithTheSameClass()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_1_0, RuleSetCatalog.V1_2_0);
        var touched = diff.Changed.Select(c => c.Before.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(RuleSetCatalog.V1_1_0.Rules.Where(r => !touched.Contains(r.Id)), before =>
        {
            var after = RuleSetCatalog.V1_2_0.Find(before.Id);
            Assert.True(after is not null, $"{before.Id} is missing from 1.2.0");
            Assert.Same(before.GetType(), after.GetType());
        });
    }

    [Fact]
    public void Diff_1_0_0To1_1_0_ListsExactlyTheAddedChangedAndRemovedRules()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_1_0);
        string[] added =
        [
            "BIP-008", "COG-001", "CV-003", "CV-004", "CV-005", "CV-006", "CV-007", "HEP-003", "MED-004", "MED-005", "NAL-002", "PSY-004",
            "REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006", "SAF-001", "SUB-003", "SUB-004", "SUI-009", "SUI-010", "SUI-011",
            "SUI-012", "URO-001",
        ];
        string[] changed =
        [
            "AGE-002", "BIP-002", "BIP-004", "BIP-005", "CV-001", "EU-002", "KET-001", "KET-002", "NAL-001", "PSY-002", "PSY-003", "REMS-002",
            "REMS-003", "REP-001", "REP-003", "SUB-001", "SUI-006", "SUI-007",
        ];
        Assert.Equal(added, diff.Added.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(changed, diff.Changed.Select(c => c.After.Id).Order(StringComparer.Ordinal));
        Assert.All(diff.Changed, c => Assert.Equal(c.Before.Id, c.After.Id));
        Assert.All(diff.Changed, c => Assert.NotEqual(c.Before.CanonicalDefinition(), c.After.CanonicalDefinition()));
        Assert.Equal(["BIP-007"], diff.Removed.Select(r => r.Id));
        Assert.True(diff.PolicyChanged);
        Assert.Equal(RuleSetCatalog.V1_0_0.Rules.Count + added.Length - 1, RuleSetCatalog.V1_1_0.Rules.Count);
    }

    [Fact]
    public void Diff_1_0_0To1_1_0_KeepsEveryOtherRuleOf1_0_0WithTheSameDefinition()
    {
        var diff = RuleSetDiff.Between(RuleSetCatalog.V1_0_0, RuleSetCatalog.V1_1_0);
        var touched = diff.Changed.Select(c => c.Before.Id).Concat(diff.Removed.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
        var kept = RuleSetCatalog.V1_0_0.Rules.Where(r => !touched.Contains(r.Id)).ToArray();
        Assert.Equal(57 - 19, kept.Length);
        Assert.All(kept, before =>
        {
            var after = RuleSetCatalog.V1_1_0.Find(before.Id);
            Assert.True(after is not null, $"{before.Id} is missing from 1.1.0");
            Assert.Equal(before.CanonicalDefinition(), after.CanonicalDefinition());
            Assert.Same(before.GetType(), after.GetType());
        });
    }

    [Fact]
    public void Diff_1_0_0To1_1_0_GivesEveryPathwayACompletenessRuleOnlyIn1_1_0()
    {
        Assert.All(RuleSetCatalog.V1_0_0.Pathways, p => Assert.Null(p.CompletenessRuleId));
        Assert.Equal(
            ["REC-001", "REC-002", "REC-003", "REC-004", "REC-005", "REC-006"],
            RuleSetCatalog.V1_1_0.Pathways.Select(p => p.CompletenessRuleId));
    }

    [Fact]
    public void Catalogue_EveryRule_IsASealedClassInATopicFolderWithACompleteDefinition()
    {
        Assert.All(Current.Rules, r =>
        {
            // A reworded rule (from 1.11.0) is its original's class with new words, and in that class's folder.
            var type = (r is RewordedRule reworded ? reworded.Original : r).GetType();
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.Equal("KetamineCds.Domain.Rules." + r.Topic, type.Namespace);
            Assert.Matches("^[A-Z]+-[0-9]{3}$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.ConditionText));
            Assert.False(string.IsNullOrWhiteSpace(r.Summary));
            Assert.False(string.IsNullOrWhiteSpace(r.Detail));
            Assert.True(r.Principles.Count + r.Sources.Count > 0, $"{r.Id} cites nothing");
            Assert.All(r.Principles, p => Assert.True(Citations.IsPrinciple(p), $"{r.Id}: {p}"));
            Assert.All(r.Sources, s => Assert.True(Citations.IsSource(s), $"{r.Id}: {s}"));
        });
    }

    private static TweakedRule Tweak(Rule r, string aspect)
    {
        var otherPrinciple = Citations.AllPrinciples.Select(p => p.Id).First(id => !r.Principles.Contains(id));
        var otherSource = Citations.AllSources.Select(s => s.Key).First(k => !r.Sources.Contains(k));
        return aspect switch
        {
            "condition" => new TweakedRule(r) { ConditionOverride = Criteria.Not(r.Condition) },
            "kind" => new TweakedRule(r) { KindOverride = (FindingKind)(((int)r.Kind + 1) % 4) },
            "severity" => new TweakedRule(r) { SeverityOverride = (Severity)(((int)r.Severity + 1) % 3) },
            "principle" => new TweakedRule(r) { PrinciplesOverride = [.. r.Principles, otherPrinciple] },
            "source" => new TweakedRule(r) { SourcesOverride = [.. r.Sources, otherSource] },
            "conditionText" => new TweakedRule(r) { ConditionTextOverride = r.ConditionText + " (amended)" },
            "summary" => new TweakedRule(r) { SummaryOverride = r.Summary + " (amended)" },
            "detail" => new TweakedRule(r) { DetailOverride = r.Detail + " (amended)" },
            _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, null),
        };
    }

    /// <summary>A rule that repeats another's definition, with any part replaced.</summary>
    private sealed class TweakedRule(Rule inner) : Rule
    {
        public FindingKind? KindOverride { get; init; }

        public Severity? SeverityOverride { get; init; }

        public IReadOnlyList<string>? PrinciplesOverride { get; init; }

        public IReadOnlyList<string>? SourcesOverride { get; init; }

        public Condition? ConditionOverride { get; init; }

        public string? ConditionTextOverride { get; init; }

        public string? SummaryOverride { get; init; }

        public string? DetailOverride { get; init; }

        public override string Id => inner.Id;

        public override FindingKind Kind => KindOverride ?? inner.Kind;

        public override Severity Severity => SeverityOverride ?? inner.Severity;

        public override IReadOnlyList<string> Principles => PrinciplesOverride ?? inner.Principles;

        public override IReadOnlyList<string> Sources => SourcesOverride ?? inner.Sources;

        public override Condition Condition => ConditionOverride ?? inner.Condition;

        public override string ConditionText => ConditionTextOverride ?? inner.ConditionText;

        public override string Summary => SummaryOverride ?? inner.Summary;

        public override string Detail => DetailOverride ?? inner.Detail;

        /// <summary>Set to replace the pathways the rule concerns; an empty list stands for null (every pathway).</summary>
        public IReadOnlyList<Pathway>? ConcernsOverride { get; init; }

        public override IReadOnlyList<Pathway>? Concerns =>
            ConcernsOverride is { } concerns ? (concerns.Count == 0 ? null : concerns) : Kind == FindingKind.Caution ? inner.Concerns : null;
    }
}
