namespace KetamineCds.Domain.Principles;

/// <summary>Every principle and source the rules may cite; a rule citing anything else is a defect.</summary>
public static class Citations
{
    public const string TrdDefinition = "P-TRD-DEFINITION";
    public const string TrdMechanism = "P-TRD-MECHANISM";
    public const string TrdProcedure = "P-TRD-PROCEDURE";
    public const string SuicidalityRapid = "P-SUICIDALITY-RAPID";
    public const string SuicidalityApproval = "P-SUICIDALITY-APPROVAL";
    public const string SuicidalityLimit = "P-SUICIDALITY-LIMIT";
    public const string SafetyRems = "P-SAFETY-REMS";
    public const string Bipolar = "P-BIPOLAR";
    public const string Psychosis = "P-PSYCHOSIS";
    public const string Ptsd = "P-PTSD";
    public const string Ocd = "P-OCD";
    public const string Pain = "P-PAIN";
    public const string Naltrexone = "P-NALTREXONE";
    public const string Palliative = "P-PALLIATIVE";
    public const string Biomarkers = "P-BIOMARKERS";

    public const string SpravatoPiUs = "SPRAVATO-PI-US";
    public const string SpravatoRems = "SPRAVATO-REMS";
    public const string SpravatoSmpcEu = "SPRAVATO-SMPC-EU";
    public const string ApaKetamine2017 = "APA-KETAMINE-2017";
    public const string McIntyre2021 = "MCINTYRE-2021";
    public const string EuPearlTrd2022 = "EU-PEARL-TRD-2022";
    public const string Williams2018 = "WILLIAMS-2018";
    public const string Yoon2019 = "YOON-2019";
    public const string Diazgranados2010 = "DIAZGRANADOS-2010";
    public const string AsraKetaminePain2018 = "ASRA-KETAMINE-PAIN-2018";
    public const string Irwin2013 = "IRWIN-2013";
    public const string Phq9 = "PHQ-9";
    public const string Cssrs = "C-SSRS";
    public const string FrontPsychiatry2020Benzodiazepines = "FRONT-PSYCHIATRY-2020-BZD";
    public const string Feeney2023 = "FEENEY-2023";
    public const string SpravatoPiHk = "SPRAVATO-PI-HK";

    /// <summary>The source document's principles, in the order of <c>principles.md</c>.</summary>
    public static IReadOnlyList<Principle> AllPrinciples { get; } =
    [
        new(TrdDefinition, "The main revolution: TRD and crisis", "problem_id:4721476",
            "Treatment-resistant depression means a documented lack of response to several adequate antidepressant trials (adequate dose, allowing the usual 4-8 weeks to work) of different mechanisms; one failed drug is not enough."),
        new(TrdMechanism, "The main revolution: TRD and crisis", "problem_id:4706634",
            "Ketamine and esketamine act through glutamate rather than the slow monoamine route and set off rapid synapse formation, offering these patients a genuinely different approach."),
        new(TrdProcedure, "The main revolution: TRD and crisis", "problem_id:4721476",
            "Esketamine is a supervised procedure rather than another tablet, and it is usually given alongside a conventional oral antidepressant."),
        new(SuicidalityRapid, "The main revolution: TRD and crisis", "problem_id:4763588",
            "With acute suicidal ideation, speed matters: standard antidepressants take weeks, ketamine eases depressive symptoms and suicidal thoughts within hours and can bridge a crisis.")
        {
            Caveat = "The rapid effect on suicidal thoughts was seen in studies of intravenous ketamine. For esketamine the label states that a reduction of suicidal ideation or behaviour, and the prevention of suicide, have not been demonstrated (SPRAVATO-PI-US); see P-SUICIDALITY-LIMIT.",
        },
        new(SuicidalityApproval, "The main revolution: TRD and crisis", "problem_id:4721417",
            "Intranasal esketamine is approved for major depression with acute suicidal ideation or behaviour."),
        new(SuicidalityLimit, "The main revolution: TRD and crisis", "problem_id:4721417",
            "Rapid relief of suicidal thoughts is not proof of safety: ketamine has not been shown to prevent suicidal behaviour."),
        new(SafetyRems, "The main revolution: TRD and crisis", "problem_id:4763588",
            "Because of dissociative and psychotomimetic effects, treatment happens only in certified settings under a REMS: at least two hours of monitoring, never taken home, and for a suicidal patient a safety plan, lethal-means restriction and immediate follow-up."),
        new(Bipolar, "Navigating the nuances", "problem_id:4740615",
            "In bipolar depression there is a risk of switching into mania: ketamine is never given alone, only as a short-term adjunct under an optimized mood stabilizer such as lithium."),
        new(Psychosis, "Navigating the nuances", "problem_id:4751729",
            "Ketamine can provoke psychotic symptoms and the pivotal trials excluded active psychosis: treatment is considered only when psychosis is well controlled on antipsychotics, with great care and a plan to stop at once if it worsens."),
        new(Ptsd, "Beyond depression", "problem_id:4739827",
            "In PTSD, ketamine may help restore prefrontal control over fear circuits; this remains a theoretical, investigational use."),
        new(Ocd, "Beyond depression", "problem_id:4739596",
            "In OCD, glutamate dysfunction makes ketamine an active research area; off-label protocols are for the most refractory cases and need careful design."),
        new(Pain, "Uniting mind and body", "problem_id:4717727",
            "With depression and chronic neuropathic pain, especially opioid-induced hyperalgesia, ketamine may act twice: on the depression and on over-active pain circuits, possibly helping to reduce opioid use."),
        new(Naltrexone, "Uniting mind and body", "problem_id:4717727",
            "Other medicines complicate the decision: naltrexone may weaken ketamine's antidepressant effect."),
        new(Palliative, "Uniting mind and body", "problem_id:4974380",
            "In palliative care with a prognosis of weeks, time to benefit decides: a conventional antidepressant may act too late, so a rapid-acting treatment is the reasonable choice."),
        new(Biomarkers, "Pursuing precision", "problem_id:4721465",
            "EEG gamma power and peripheral BDNF may one day show that the intended plasticity is happening; today they are research markers, not decision criteria."),
    ];

    /// <summary>
    /// The label, REMS and literature sources, keyed as in <c>label-and-literature.md</c>. FRONT-PSYCHIATRY-2020-BZD and
    /// FEENEY-2023 are references its section 3.4 gives ([C]) without a key yet; they are keyed here for rule set 1.3.0
    /// (docs/clinical-review.md, section 9). SPRAVATO-PI-HK is the Hong Kong product information its section 1.6 read the 28 mg
    /// starting dose at 65 or over in ([C], "EU/HK labelling"), without a key there either; keyed here for rule set 1.27.0 so
    /// that AGE-003 cites where the dose was read (QA293; docs/clinical-review.md, section 39).
    /// </summary>
    public static IReadOnlyList<Source> AllSources { get; } =
    [
        new(SpravatoPiUs, "SPRAVATO (esketamine) nasal spray, US Prescribing Information"),
        new(SpravatoRems, "SPRAVATO REMS program requirements"),
        new(SpravatoSmpcEu, "Spravato EU Summary of Product Characteristics"),
        new(ApaKetamine2017, "Sanacora et al., A consensus statement on the use of ketamine in the treatment of mood disorders, JAMA Psychiatry 2017"),
        new(McIntyre2021, "McIntyre et al., Synthesizing the evidence for ketamine and esketamine in treatment-resistant depression, Am J Psychiatry 2021"),
        new(EuPearlTrd2022, "Sforzini et al., a Delphi-method consensus on TRD definition, Mol Psychiatry 2022"),
        new(Williams2018, "Williams et al., opioid-receptor antagonism and ketamine's antidepressant effect, Am J Psychiatry 2018"),
        new(Yoon2019, "Yoon et al., naltrexone and ketamine in depression with alcohol use disorder, JAMA Psychiatry 2019, and the 2025 follow-up trial"),
        new(Diazgranados2010, "Diazgranados et al., ketamine in bipolar depression on lithium or valproate, Arch Gen Psychiatry 2010"),
        new(AsraKetaminePain2018, "Cohen et al., consensus guidelines on IV ketamine for chronic pain (ASRA/AAPM/ASA), Reg Anesth Pain Med 2018"),
        new(Irwin2013, "Irwin et al., daily oral ketamine for depression and anxiety in hospice patients, J Palliat Med 2013"),
        new(Phq9, "Kroenke, Spitzer, Williams, The PHQ-9, J Gen Intern Med 2001"),
        new(Cssrs, "Columbia Suicide Severity Rating Scale, screen version"),
        new(FrontPsychiatry2020Benzodiazepines, "Concomitant benzodiazepines and the response to ketamine in depression, a cohort of 47 patients, Front Psychiatry 2020, doi:10.3389/fpsyt.2020.00844 (descriptive title; authors and title to verify)"),
        new(Feeney2023, "Feeney et al., effect of concomitant benzodiazepines on the antidepressant effects of ketamine: findings from the RAPID intravenous ketamine study, J Clin Psychiatry 2023;84(1):22m14491"),
        new(SpravatoPiHk, "SPRAVATO (esketamine) product information for Hong Kong, as MIMS Hong Kong gives it (dose schedule; the fact base's EU/HK labelling)"),
    ];

    private static readonly HashSet<string> PrincipleIds = AllPrinciples.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> SourceKeys = AllSources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    public static bool IsPrinciple(string id) => PrincipleIds.Contains(id);

    public static bool IsSource(string key) => SourceKeys.Contains(key);
}
