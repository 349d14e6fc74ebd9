namespace Frugal.Sources.Tests.Reviews;

/// <summary>The hand-written exports under Reviews/Fixtures, copied next to the test assembly.</summary>
internal static class ReviewFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reviews", "Fixtures", name);
}
