namespace SalesKpi.Forecasting;

/// <summary>Likelihood-based information criteria of a fitted model (defined for models fitted by maximum likelihood).</summary>
/// <param name="LogLikelihood">The maximised log-likelihood.</param>
/// <param name="Aic">Akaike's criterion: −2 log L + 2k.</param>
/// <param name="Aicc">The small-sample corrected criterion: AIC + 2k(k + 1) / (n − k − 1).</param>
/// <param name="Bic">The Bayesian criterion: −2 log L + k log n.</param>
/// <param name="ParameterCount">k: the number of estimated parameters, including initial states and the variance.</param>
public sealed record InformationCriteria(double LogLikelihood, double Aic, double Aicc, double Bic, int ParameterCount);
