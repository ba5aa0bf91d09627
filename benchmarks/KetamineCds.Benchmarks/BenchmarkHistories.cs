using KetamineCds.Domain.Screening;

namespace KetamineCds.Benchmarks;

/// <summary>
/// A fixed, realistic mix of patient histories: mostly MDD (some treatment-resistant, some suicidal), bipolar
/// depression on and off mood stabilizers, palliative, PTSD/OCD, with the co-morbidities and co-medications a clinic
/// sees. Seeded, so every run screens the same 64 patients.
/// </summary>
public static class BenchmarkHistories
{
    public const int Count = 64;

    public static PatientHistory[] Create() => Create(Count, 20261126);

    /// <summary>Another mix of the same kind: <paramref name="count"/> patients drawn with <paramref name="seed"/>.</summary>
    public static PatientHistory[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var histories = new PatientHistory[count];
        for (var i = 0; i < histories.Length; i++)
        {
            histories[i] = One(random, i);
        }

        return histories;
    }

    private static bool Chance(Random random, double p) => random.NextDouble() < p;

    private static bool? MaybeTrue(Random random, double p) => Chance(random, 0.2) ? null : Chance(random, p);

    private static PatientHistory One(Random random, int i)
    {
        var diagnosis = (i % 16) switch
        {
            < 10 => PrimaryDiagnosis.Mdd,
            10 or 11 => PrimaryDiagnosis.BipolarI,
            12 => PrimaryDiagnosis.BipolarII,
            13 => PrimaryDiagnosis.Ptsd,
            14 => PrimaryDiagnosis.Ocd,
            _ => PrimaryDiagnosis.Other,
        };
        var bipolar = diagnosis is PrimaryDiagnosis.BipolarI or PrimaryDiagnosis.BipolarII;
        var sex = Chance(random, 0.55) ? SexAtBirth.Female : SexAtBirth.Male;
        var age = Chance(random, 0.1) ? random.Next(16, 25) : random.Next(25, 85);
        var failed = random.Next(0, 6);
        var suicidality = (Suicidality)(Chance(random, 0.6) ? 0 : random.Next(1, 5));
        var stabilizer = bipolar ? (MoodStabilizer)random.Next(0, 6) : (MoodStabilizer?)null;
        var lifeLimiting = Chance(random, 0.1);
        var hasBp = Chance(random, 0.8);
        var diastolic = random.Next(60, 100);
        return new PatientHistory
        {
            PatientReference = "BENCH-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AgeYears = age,
            SexAtBirth = sex,
            Pregnant = sex == SexAtBirth.Female && age <= 55 ? Chance(random, 0.05) : null,
            Breastfeeding = sex == SexAtBirth.Female && age <= 45 ? Chance(random, 0.05) : null,
            Jurisdiction = Chance(random, 0.3) ? Jurisdiction.Eu : Jurisdiction.Us,
            PrimaryDiagnosis = diagnosis,
            CurrentDepressiveEpisode = Chance(random, 0.85),
            FailedAdequateTrials = failed,
            DistinctMechanisms = Chance(random, 0.7) ? random.Next(0, failed + 1) : null,
            OnOralAntidepressant = Chance(random, 0.75),
            MoodStabilizer = stabilizer,
            MoodStabilizerOptimized = stabilizer is null or MoodStabilizer.None ? null : Chance(random, 0.7),
            CurrentManiaOrMixedFeatures = bipolar ? MaybeTrue(random, 0.15) : null,
            Psychosis = Chance(random, 0.85) ? PsychosisStatus.None : Chance(random, 0.6) ? PsychosisStatus.HistoryControlled : PsychosisStatus.Active,
            Suicidality = suicidality,
            SafetyPlanInPlace = suicidality == Suicidality.None ? null : Chance(random, 0.5),
            LethalMeansCounselled = suicidality == Suicidality.None ? null : Chance(random, 0.5),
            FollowUpArranged = suicidality == Suicidality.None ? null : Chance(random, 0.6),
            LifeLimitingIllness = lifeLimiting,
            PrognosisWeeks = lifeLimiting ? random.Next(2, 60) : null,
            ChronicNeuropathicPain = MaybeTrue(random, 0.15),
            OnOpioids = MaybeTrue(random, 0.1),
            OpioidInducedHyperalgesia = MaybeTrue(random, 0.05),
            OnNaltrexone = MaybeTrue(random, 0.05),
            BenzodiazepineDiazepamEquivalentMg = Chance(random, 0.25) ? random.Next(1, 40) : Chance(random, 0.5) ? 0m : null,
            OnPsychostimulantOrMaoi = MaybeTrue(random, 0.05),
            SubstanceUse = Chance(random, 0.8) ? SubstanceUse.None : Chance(random, 0.5) ? SubstanceUse.InRemission : SubstanceUse.Active,
            AneurysmalVascularDisease = MaybeTrue(random, 0.02),
            ArteriovenousMalformation = MaybeTrue(random, 0.01),
            IntracerebralHemorrhageHistory = MaybeTrue(random, 0.01),
            HypersensitivityToKetamine = MaybeTrue(random, 0.01),
            SeriousCardiovascularOrCerebrovascularCondition = MaybeTrue(random, 0.03),
            SystolicBp = hasBp ? diastolic + random.Next(30, 70) : null,
            DiastolicBp = hasBp ? diastolic : null,
            HepaticImpairment = Chance(random, 0.9) ? HepaticImpairment.None : (HepaticImpairment)random.Next(1, 4),
            Phq9Total = Chance(random, 0.8) ? random.Next(4, 28) : null,
            Phq9Item9 = Chance(random, 0.8) ? random.Next(0, 4) : null,
        };
    }
}
