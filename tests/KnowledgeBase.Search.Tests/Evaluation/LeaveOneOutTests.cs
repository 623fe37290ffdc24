using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Search.Tests.Evaluation;

/// <summary>Issue 13: leave-one-collection-out selection chooses weights without looking at the held-out collection.</summary>
public sealed class LeaveOneOutTests
{
    private static readonly string[] Collections = ["a", "b", "c"];

    [Fact]
    public void Fold_ChoosesOnTheOthers_ScoresOnTheHeldOut()
    {
        // K1=1.2 wins on b and c but loses on a; B=1 wins only on a.
        List<SettingScore> scores =
        [
            new("a", "", 0.50, 0.50), new("b", "", 0.50, 0.50), new("c", "", 0.50, 0.50),
            new("a", "K1=1.2", 0.40, 0.40), new("b", "K1=1.2", 0.60, 0.60), new("c", "K1=1.2", 0.60, 0.60),
            new("a", "B=1", 0.90, 0.90), new("b", "B=1", 0.45, 0.45), new("c", "B=1", 0.45, 0.45),
        ];

        var fold = LeaveOneOut.Fold(scores, "a", Collections, ["", "K1=1.2", "B=1"]);

        Assert.Equal("K1=1.2", fold.Chosen);
        Assert.Equal(0.40, fold.Scored.Given);
        Assert.Equal(0.50, fold.Default.Given);
        Assert.Equal(0.60, fold.ChosenOnOthers, 6);
    }

    [Fact]
    public void Fold_NothingBeatsTheDefault_KeepsIt()
    {
        List<SettingScore> scores = [new("a", "", 0.5, 0.5), new("b", "", 0.5, 0.5), new("a", "K1=1.2", 0.9, 0.9), new("b", "K1=1.2", 0.5, 0.5)];

        Assert.Equal(string.Empty, LeaveOneOut.Fold(scores, "a", ["a", "b"], ["K1=1.2"]).Chosen);
    }

    [Fact]
    public void Combine_TakesEachWeightsWinnerOnTheOthers()
    {
        List<SettingScore> scores =
        [
            new("a", "", 0.5, 0.5), new("b", "", 0.5, 0.5),
            new("a", "K1=0.6", 0.1, 0.1), new("b", "K1=0.6", 0.6, 0.6), new("a", "K1=1.2", 0.9, 0.9), new("b", "K1=1.2", 0.55, 0.55),
            new("a", "B=0.75", 0.5, 0.5), new("b", "B=0.75", 0.4, 0.4),
        ];

        Assert.Equal("K1=0.6", LeaveOneOut.Combine(scores, "a", ["a", "b"]));
    }

    [Fact]
    public void WeightSettings_ParseOverridesTheDefault()
    {
        var weights = WeightSettings.Parse("K1=1.2, TitleB=0.3 Navigation=0");

        Assert.Equal(RankingWeights.Default with { K1 = 1.2f, TitleB = 0.3f, Navigation = 0 }, weights);
        Assert.Equal(RankingWeights.Default, WeightSettings.Parse(string.Empty));
        Assert.Throws<FormatException>(() => WeightSettings.Parse("Unknown=1"));
    }
}
