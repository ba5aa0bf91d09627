using System.Globalization;
using KetamineCds.Infrastructure.Checkpoints;
using KetamineCds.Web.Audit;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KetamineCds.Web.Tests.Audit;

/// <summary>
/// Helper 291: what makes a file not a readable checkpoint was English on the Chinese Checkpoints page ("unknown format ''
/// (expected ketaminecds-checkpoint/1)"). The decision log gives its kind and value (CheckpointFileProblem); the page words
/// every kind in its language: in English as the API does, in Chinese from PageText.
/// </summary>
public sealed class CheckpointTextsTests
{
    public static TheoryData<CheckpointFileProblemKind> Kinds() => new(Enum.GetValues<CheckpointFileProblemKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Problem_EveryKind_InEnglishIsTheApisWords_InChineseIsChinese(CheckpointFileProblemKind kind)
    {
        // A size too, which a file too large is given (CheckpointFileProblem.TooLarge) and the other kinds ignore.
        var problem = new CheckpointFileProblem(kind, "odd-value", Bytes: 20_000);

        var english = In("en", localizer => CheckpointTexts.Problem(problem, localizer));
        var chinese = In("zh-Hans", localizer => CheckpointTexts.Problem(problem, localizer));

        Assert.Equal(problem.English, english);
        Assert.NotEqual(english, chinese);
        Assert.Contains(chinese, c => c is >= '\u4E00' and <= '\u9FFF');
        if (problem.English.Contains("odd-value", StringComparison.Ordinal))
        {
            Assert.Contains("“odd-value”", chinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reason_FileThatIsNotACheckpoint_InChinese_SaysWhatIsWrongInChinese()
    {
        var status = new CheckpointStatus(null, "notes.json", ["uploaded"], CheckpointVerdict.Malformed, "Not a readable checkpoint: no format named (expected ketaminecds-checkpoint/1).", null)
        {
            FileProblem = new CheckpointFileProblem(CheckpointFileProblemKind.NoFormat),
        };
        var clinicTime = new ClinicTime(new ClinicCalendar(TimeProvider.System, Options.Create(new ClinicOptions())));

        Assert.Equal(status.Reason, In("en", localizer => CheckpointTexts.Reason(status, localizer, clinicTime)));
        Assert.Equal("不是可读取的检查点：未注明格式（应为 ketaminecds-checkpoint/1）。", In("zh-Hans", localizer => CheckpointTexts.Reason(status, localizer, clinicTime)));
    }

    [Fact]
    public void Disabled_NoSigningKey_InChinese_IsChinese_AnotherReasonAsGiven()
    {
        Assert.Equal(CheckpointKeys.NoSigningKeyReason, In("en", localizer => CheckpointTexts.Disabled(CheckpointKeys.NoSigningKeyReason, localizer)));
        Assert.StartsWith("未配置检查点签名密钥", In("zh-Hans", localizer => CheckpointTexts.Disabled(CheckpointKeys.NoSigningKeyReason, localizer)), StringComparison.Ordinal);
        Assert.Equal("Something else.", In("zh-Hans", localizer => CheckpointTexts.Disabled("Something else.", localizer)));
        Assert.Null(In("zh-Hans", localizer => CheckpointTexts.Disabled(null, localizer)));
    }

    private static T In<T>(string culture, Func<IStringLocalizer, T> word)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = LocalizationSetup.ResourcesPath }), NullLoggerFactory.Instance);
        var localizer = new StringLocalizer<PageText>(factory);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return word(localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
