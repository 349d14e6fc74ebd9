namespace Frugal.Domain.Energy;

/// <summary>
/// The constants of EcoLogits' LLM inference model, 0.9.1 = 0.9.3 (<c>ecologits/impacts/llm.py</c>,
/// mlco2/ecologits 5be90da), and of the prefill add-on, which is ours and rests on Epoch AI's constants.
/// </summary>
internal static class EcoLogitsConstants
{
    public const string Version = "0.9.3";

    /// <summary>GPU energy α: Wh per output token per billion active parameters, before the batch term.</summary>
    public const double GpuEnergyAlpha = 1.1665273170451914e-06;

    /// <summary>GPU energy β: per unit of batch size.</summary>
    public const double GpuEnergyBeta = -0.011205921025579175;

    /// <summary>GPU energy γ: Wh per output token floor.</summary>
    public const double GpuEnergyGamma = 4.052928146734005e-05;

    /// <summary>Latency α: s per token per billion active parameters.</summary>
    public const double LatencyAlpha = 6.785088094353663e-04;

    /// <summary>Latency β: s per token per unit of batch size.</summary>
    public const double LatencyBeta = 3.119310311688259e-04;

    /// <summary>Latency γ: s per token.</summary>
    public const double LatencyGamma = 1.9473717579473387e-02;

    /// <summary>Batch size the model is evaluated at.</summary>
    public const int BatchSize = 64;

    /// <summary>Memory of one H100 80GB, GB.</summary>
    public const double GpuMemoryGB = 80;

    /// <summary>Memory overhead on the weights (EleutherAI "Transformer Math 101").</summary>
    public const double MemoryOverhead = 1.2;

    /// <summary>Bits per weight the models are assumed served at.</summary>
    public const double QuantizationBits = 16;

    /// <summary>Server power excluding GPUs, W (AWS p5.48xlarge via BoaviztAPI).</summary>
    public const double ServerPowerW = 1200;

    /// <summary>GPUs per server.</summary>
    public const int ServerGpus = 8;

    /// <summary>Embodied carbon of one server excluding GPUs, kgCO2e (BoaviztAPI p5.48xlarge).</summary>
    public const double ServerEmbodiedKgCO2e = 5700;

    /// <summary>Embodied carbon of one H100, kgCO2e (NVIDIA HGX H100 product carbon footprint).</summary>
    public const double GpuEmbodiedKgCO2e = 164;

    /// <summary>Hardware lifetime: 3 years, s.</summary>
    public const double LifetimeSeconds = 94_608_000;

    /// <summary>Prefill add-on: H100 peak BF16 dense FLOP/s (Epoch AI).</summary>
    public const double PrefillPeakFlops = 9.89e14;

    /// <summary>Prefill add-on: utilisation, calibrated so Epoch's 10k-input GPT-4o case is about 2.5 Wh.</summary>
    public const double PrefillUtilisation = 0.25;

    /// <summary>Prefill add-on: per-GPU node power at partial load before PUE, W (1,275 W x 0.7, Epoch AI).</summary>
    public const double PrefillGpuPowerW = 892.5;
}
