using Frugal.Domain.Energy;
using Frugal.Sources.Energy;
using Shouldly;
using Xunit;

namespace Frugal.Sources.Tests.Energy;

public sealed class ModelFactsFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_ValidFile_FeedsTheFactsTable()
    {
        var path = Write("""
            [
              {"model": "my-model", "totalBillions": [20, 40], "activeBillions": 5, "tokensPerSecond": 80,
               "source": "my notes"},
              {"model": "gpt-4o-mini", "totalBillions": 8}
            ]
            """);

        var entries = ModelFactsFile.Load(path);
        var table = ModelFactsTable.BuiltIn.WithEntries(entries);

        var mine = table.Find("my-model").ShouldNotBeNull();
        mine.TotalBillions.ShouldBe(new ParameterRange(20, 40));
        mine.ActiveBillions.ShouldBe(ParameterRange.Exactly(5));
        mine.TokensPerSecond.ShouldBe(80);
        mine.ParametersSource.ShouldBe("my notes");
        table.Find("gpt-4o-mini").ShouldNotBeNull().TotalBillions.ShouldBe(ParameterRange.Exactly(8));
    }

    [Fact]
    public void Load_ThreeFaults_AreAllReportedWithTheirEntryIndex()
    {
        var path = Write("""
            [
              {"model": "ok", "totalBillions": 7},
              {"totalBillions": 7},
              {"model": "b", "totalBillions": [9, 3]},
              {"model": "c", "totalBillions": 7, "speed": 50}
            ]
            """);

        var error = Should.Throw<ModelFactsFileException>(() => ModelFactsFile.Load(path));

        error.Problems.Count.ShouldBe(3);
        error.Problems[0].ShouldStartWith("[1] has no \"model\"");
        error.Problems[1].ShouldStartWith("[2]: \"totalBillions\" must be above zero, with min at most max");
        error.Problems[2].ShouldStartWith("[3]: unknown field \"speed\"");
    }

    [Fact]
    public void Load_DuplicateAndHugeEntries_AreReported()
    {
        var path = Write("""
            [
              {"model": "Mine-7B", "totalBillions": 7},
              {"model": "mine-7b", "totalBillions": 8},
              {"model": "huge", "totalBillions": 1e300}
            ]
            """);

        var error = Should.Throw<ModelFactsFileException>(() => ModelFactsFile.Load(path));

        error.Problems.Count.ShouldBe(2);
        error.Problems[0].ShouldBe("[1]: \"mine-7b\" is already given at [0]: keep one entry per model");
        error.Problems[1].ShouldStartWith(
            "[2]: \"totalBillions\" 1E+300 billion is beyond any model; give at most 100,000");
    }

    private string Write(string text) => _folder.WriteText("model-facts.json", text);
}
