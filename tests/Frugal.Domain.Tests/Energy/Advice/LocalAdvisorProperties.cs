using Frugal.Domain.Energy.Advice;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;

namespace Frugal.Domain.Tests.Energy.Advice;

/// <summary>What a longer context may and may not do to the advice.</summary>
public sealed class LocalAdvisorProperties
{
    private const int MaxContext = 262_144;

    [Property(MaxTest = 1000)]
    public void Advise_MoreContext_NeverLessMemoryNeverFasterDecode(
        NonNegativeInt first, NonNegativeInt second, byte modelPick, byte quantPick, byte devicePick)
    {
        var shorter = Math.Min(first.Get, second.Get) % (MaxContext + 1);
        var longer = Math.Max(shorter, Math.Max(first.Get, second.Get) % (MaxContext + 1));
        var model = KnownArchitectures.All[modelPick % KnownArchitectures.All.Count];
        var quant = QuantPreset.Known[quantPick % QuantPreset.Known.Count];
        var device = Devices.All[devicePick % Devices.All.Count];

        var small = LocalAdvisor.Advise(model, quant, shorter, device);
        var large = LocalAdvisor.Advise(model, quant, longer, device);

        large.Memory.TotalMinBytes.ShouldBeGreaterThanOrEqualTo(small.Memory.TotalMinBytes);
        ((int)large.Fit).ShouldBeGreaterThanOrEqualTo((int)small.Fit);
        if (large.DecodeTokensPerSecond is { } slower)
        {
            small.DecodeTokensPerSecond.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(slower);
        }
    }
}
