import LuaBridge
import Testing

@testable import Workbench

/// The global N-BEATS model from Lua: one training for a whole panel, per-key
/// forecasts and paths like any fitted panel, clear errors, saving and loading.
/// Networks are tiny here so the suite stays fast; accuracy is benchmarked on M3 (bench/m3).
@Suite struct NeuralLuaTests {
    static let setup = """
        -- Twelve seasonal series at different levels, one of them too short to train on.
        local sets = {}
        for k = 1, 12 do
          local v = {}
          for t = 1, 48 do v[t] = (10 * k) * (1 + 0.3 * math.sin(2 * math.pi * (t + k) / 12)) end
          sets["s" .. k] = series.new{ values = v, period = 12 }
        end
        sets.tiny = series.new{ values = { 5, 6, 7 }, period = 12 }
        local panel = data.panel(sets)
        local params = { horizon = 6, width = 32, blocks = 2, layers = 2, steps = 300, batch_size = 64, evaluate_every = 25, seed = 3 }
        local fp = forecast.fit_many(panel, "nbeats", params, { progress = false })
        """

    @Test func trainsOnceAndForecastsEveryKey() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local fcs = fp:forecast{ h = 6, levels = { 80, 95 } }
                local fc = fcs.s5
                local ordered = true
                for h = 1, 6 do
                  ordered = ordered and fc:lower(95)[h] <= fc:lower(80)[h] and fc:lower(80)[h] <= fc.mean[h]
                                    and fc.mean[h] <= fc:upper(80)[h] and fc:upper(80)[h] <= fc:upper(95)[h]
                end
                -- The true next value of s5 (t = 49): the network learnt the shared seasonal shape.
                local truth = 50 * (1 + 0.3 * math.sin(2 * math.pi * (49 + 5) / 12))
                local m = fp:model("s5")
                return #fp, #fp.failures, fp.failures[1].key, fp.failures[1].fallback, ordered,
                       math.abs(fc.mean[1] - truth) / truth < 0.1, m.method, m:params().horizon
                """)
        #expect(r[0] == .number(13) && r[1] == .number(1))
        #expect(r[2] == .string("tiny") && r[3] == .string("naive"))
        #expect(r[4] == .boolean(true), "intervals out of order")
        #expect(r[5] == .boolean(true), "first-step forecast more than 10% off")
        #expect(r[6] == .string("N-BEATS×5(L=12/18/24, H=6, 2×2×32)"))
        #expect(r[7] == .number(6))
    }

    @Test func samplePathsFollowTheQuantiles() throws {
        let host = try makeHost(seed: 4)
        let r = try run(
            host,
            Self.setup + """
                local m = fp:model("s7")
                local fc = m:forecast{ h = 6, levels = { 80 } }
                local paths = m:sample{ h = 6, n = 4000 }
                local below = 0
                for i = 1, 4000 do if paths[i][3] < fc:upper(80)[3] then below = below + 1 end end
                return paths.n, paths.h, below / 4000
                """)
        #expect(r[0] == .number(4000) && r[1] == .number(6))
        // The 90th percentile of the paths is the model's 90% quantile (80% interval's upper end), within sampling error.
        if case .number(let share) = r[2] { #expect(abs(share - 0.9) < 0.02, "share below the 90% quantile: \(share)") }
    }

    @Test func horizonBeyondTrainingIsAClearError() throws {
        let host = try makeHost()
        let message = errorMessage(host, Self.setup + "\nreturn fp:model('s1'):forecast{ h = 9 }")
        #expect(message.contains("trained for horizons up to 6") && message.contains("horizon = 9"), "\(message)")
        let option = errorMessage(host, "return forecast.fit('nbeats', data.dataset('airpassengers'), { widht = 8 })")
        #expect(option.contains("widht") && option.contains("width"), "\(option)")
    }

    @Test func savedModelForecastsTheSame() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local m = fp:model("s2")
                m:save("s2.json")
                local back = forecast.load(almanac.out("s2.json"))
                local a, b = m:forecast{ h = 6 }, back:forecast{ h = 6 }
                local same = true
                for h = 1, 6 do same = same and a.mean[h] == b.mean[h] and a:upper(95)[h] == b:upper(95)[h] end
                return same, back.method
                """)
        #expect(r == [.boolean(true), .string("N-BEATS×5(L=12/18/24, H=6, 2×2×32)")])
    }

    @Test func backtestTrainsOncePerWindowAcrossThePanel() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local bt = forecast.backtest("nbeats", panel, { h = 6, windows = 2, params = params })
                local again = forecast.backtest("nbeats", panel, { h = 6, windows = 2, params = params, refit = false })
                return bt.metrics.smape, #bt.failures, bt.failures[1].key, again.metrics.smape
                """)
        // The series are smooth seasonal curves: a few percent sMAPE, not a failure.
        if case .number(let smape) = r[0] {
            #expect(smape > 0 && smape < 10, "sMAPE \(smape)")
        } else {
            Issue.record("no sMAPE: \(r)")
        }
        #expect(r[1] == .number(1) && r[2] == .string("tiny"))
        if case .number(let smape) = r[3] {
            #expect(smape > 0 && smape < 10, "sMAPE without refit \(smape)")
        } else {
            Issue.record("no sMAPE: \(r)")
        }
    }

    @Test func ensembleTrainsItsGlobalMemberOnceForThePanel() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local members = { "ses", "nbeats:width=32,blocks=2,layers=2,steps=300,batch_size=64,evaluate_every=25,seed=3" }
                local ens = forecast.fit_many(panel, "ensemble", { members = members, horizon = 6 }, { progress = false })
                local fc = ens:forecast{ h = 6 }
                local alone = fp:forecast{ h = 6 }
                local sesfc = forecast.fit("ses", panel:series("s4")):forecast{ h = 6 }
                -- The combination is the mean of its two members, step by step.
                local mean = (alone.s4.mean[2] + sesfc.mean[2]) / 2
                return ens:model("s4").method, math.abs(fc.s4.mean[2] - mean) < 1e-9 * math.abs(mean)
                """)
        #expect(
            r == [
                .string(
                    "Ensemble (mean of Simple exponential smoothing ETS(A,N,N), N-BEATS×5(L=12/18/24, H=6, 2×2×32))"),
                .boolean(true),
            ])
        let typo = errorMessage(
            host, "return forecast.fit('ensemble', data.dataset('nile'), { members = { 'ets:modle=ANN' } })")
        #expect(typo.contains("modle") && typo.contains("model"), "\(typo)")
    }

    @Test func lstmLearnsTheSharedShapeToo() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                local lstm = forecast.fit_many(panel, "lstm", { horizon = 6, hidden = 16, members = 1, steps = 400, batch_size = 64,
                                                               evaluate_every = 25, seed = 2 }, { progress = false })
                local fc = lstm:forecast{ h = 6, levels = { 90 } }.s5
                local truth = 50 * (1 + 0.3 * math.sin(2 * math.pi * (49 + 5) / 12))
                local m = lstm:model("s5")
                m:save("lstm.json")
                local back = forecast.load(almanac.out("lstm.json"))
                return m.method, math.abs(fc.mean[1] - truth) / truth < 0.15, fc:lower(90)[1] < fc.mean[1],
                       back:forecast{ h = 6 }.mean[3] == m:forecast{ h = 6 }.mean[3], #lstm.failures
                """)
        #expect(
            r == [.string("LSTM(L=12, H=6, 16)"), .boolean(true), .boolean(true), .boolean(true), .number(1)], "\(r)")
    }

    @Test func coldStartAppliesTheTrainedNetworkToANewSKU() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.setup + """
                -- A new SKU at level 35 with only eight weeks of history, never seen in training.
                local v = {}
                for t = 1, 8 do v[t] = 35 * (1 + 0.3 * math.sin(2 * math.pi * (t + 3) / 12)) end
                local new = series.new{ values = v, period = 12, name = "new" }
                local cold = fp:model("s1"):apply(new)
                local fc = cold:forecast{ h = 3 }
                local truth = 35 * (1 + 0.3 * math.sin(2 * math.pi * (9 + 3) / 12))
                -- A per-series model's parameters carry over too.
                local nile = data.dataset("nile")
                local ets = forecast.fit("ets", nile, { model = "ANN" })
                local again = ets:apply(nile:head(60))
                return math.abs(fc.mean[1] - truth) / truth < 0.2, cold.method == fp:model("s1").method,
                       again:params().alpha == ets:params().alpha, #again:fitted():values()
                """)
        #expect(r == [.boolean(true), .boolean(true), .boolean(true), .number(60)], "\(r)")
    }

    /// Trained on one seasonal shape (period 12), fine-tuned on another (period 5): the tuned
    /// network forecasts the new shape far better than the original one applied to it.
    @Test func fineTuningLearnsNewData() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local function panel(period)
              local sets = {}
              for k = 1, 12 do
                local v = {}
                for t = 1, 48 do v[t] = (10 * k) * (1 + 0.3 * math.sin(2 * math.pi * (t + k) / period)) end
                sets["s" .. k] = series.new{ values = v, period = 12 }
              end
              return data.panel(sets)
            end
            local params = { horizon = 6, width = 32, blocks = 2, layers = 2, steps = 300, batch_size = 64, evaluate_every = 25, seed = 3, members = 1 }
            local base = forecast.fit_many(panel(12), "nbeats", params, { progress = false })
            local new = panel(5)
            local function err(model_for)
              local total = 0
              for k = 1, 12 do
                local truth = (10 * k) * (1 + 0.3 * math.sin(2 * math.pi * (49 + k) / 5))
                total = total + math.abs(model_for(k):forecast{ h = 1, levels = {} }.mean[1] - truth) / truth
              end
              return total / 12
            end
            local before = err(function(k) return base:model("s1"):apply(new:series("s" .. k)) end)
            local tuned = base:model("s1"):fine_tune(new, { steps = 300, learning_rate = 1e-3 })
            local after = err(function(k) return tuned:model("s" .. k) end)
            local one = base:model("s1"):fine_tune(new:series("s2"), { steps = 20 })
            return before > 0.1, after < 0.02, tuned:model("s1"):params().steps, one.method
            """)
        #expect(r == [.boolean(true), .boolean(true), .number(300), .string("N-BEATS(L=12, H=6, 2×2×32)")], "\(r)")
        let message = errorMessage(
            host, "return forecast.fit('ets', data.dataset('nile')):fine_tune(data.dataset('nile'))")
        #expect(message.contains("not a global neural model"), "\(message)")
    }

    /// Promotions in the synthetic shop lift sales: a network that reads the promo covariate
    /// forecasts more for a promoted week than for the same week without one.
    @Test func covariatesCarryPromotionsIntoTheForecast() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local panel = data.synthetic_retail{ skus = 60, periods = 104, seed = 4 }
            local params = { horizon = 8, width = 64, blocks = 3, layers = 2, steps = 400, members = 1, seed = 2, covariates = { "promo", "price" } }
            local fp = forecast.fit_many(panel, "nbeats", params, { progress = false })
            local key = panel:keys()[1]
            local m = fp:model(key)
            local price = panel:covariate(key, "price")
            local p = price[#price]
            local promoted = m:forecast{ h = 2, levels = {}, future = { promo = { 1, 0 }, price = { p, p } } }
            local plain = m:forecast{ h = 2, levels = {}, future = { promo = { 0, 0 }, price = { p, p } } }
            m:save("promo.json")
            local back = forecast.load(almanac.out("promo.json"))
            local again = back:forecast{ h = 2, levels = {}, future = { promo = { 1, 0 }, price = { p, p } } }
            -- A panel forecast with each key's own plan: only the first key is promoted.
            local plans = {}
            for _, k in ipairs(panel:keys()) do
              local pr = panel:covariate(k, "price")
              plans[k] = { promo = { k == key and 1 or 0, 0 }, price = { pr[#pr], pr[#pr] } }
            end
            local all = fp:forecast{ h = 2, levels = {}, future_by_key = plans }
            local typo = pcall(function() return fp:forecast{ h = 2, levels = {}, future_by_key = { ["SKU-9999"] = plans[key] } } end)
            return promoted.mean[1] > 1.3 * plain.mean[1], again.mean[1] == promoted.mean[1], m.method,
                   all[key].mean[1] == promoted.mean[1], typo
            """)
        #expect(
            r == [
                .boolean(true), .boolean(true), .string("N-BEATS(L=16, H=8, 3×2×64, 2 covariates)"), .boolean(true),
                .boolean(false),
            ], "\(r)")
        let missing = errorMessage(
            host,
            """
            local panel = data.synthetic_retail{ skus = 8, periods = 60, seed = 4 }
            local fp = forecast.fit_many(panel, "nbeats", { horizon = 4, width = 16, blocks = 1, layers = 1, steps = 20, members = 1,
                                                            covariates = { "promo" } }, { progress = false })
            return fp:model(panel:keys()[1]):forecast{ h = 4 }
            """)
        #expect(missing.contains("needs 4 future values of covariate 'promo'"), "\(missing)")
        let lstm = errorMessage(
            host, "return forecast.fit('lstm', data.dataset('airpassengers'), { covariates = { 'x' } })")
        #expect(lstm.contains("covariate 'x' is not in the data"), "\(lstm)")
    }

    /// Sixteen series with the same shape: flat, with an event every 8 periods (a known
    /// covariate) that triples the big stores' sales and lifts the small ones' by half.
    /// The window before an event looks the same for both, so only the embedded `size`
    /// attribute can tell the network which lift to forecast.
    static let eventPanel = """
        local sets, attributes, covariates = {}, {}, {}
        for k = 1, 16 do
          local big = k % 2 == 0
          local v, event = {}, {}
          for t = 1, 40 do
            event[t] = t % 8 == 0 and 1 or 0
            if t <= 38 then v[t] = 10 * k * (event[t] == 1 and (big and 3 or 1.5) or 1) end
          end
          local key = string.format("s%02d", k)
          sets[key] = v
          attributes[key] = { size = big and "big" or "small" }
          covariates[key] = { event = event }
        end
        local panel = data.panel(sets, { attributes = attributes, covariates = covariates })
        -- The mean lift forecast for the event at t = 40, over the big and the small stores.
        local function lifts(fp)
          local big, small = 0, 0
          for k = 1, 16 do
            local r = fp:model(string.format("s%02d", k)):forecast{ h = 2, levels = {} }.mean[2] / (10 * k)
            if k % 2 == 0 then big = big + r / 8 else small = small + r / 8 end
          end
          return big, small
        end

        """

    @Test func categoriesTellSeriesWithTheSameHistoryApart() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.eventPanel + """
                local params = { horizon = 2, lookback = 2, width = 32, blocks = 2, layers = 2, steps = 1000, members = 1, seed = 2,
                                 covariates = { "event" } }
                local blind_big, blind_small = lifts(forecast.fit_many(panel, "nbeats", params, { progress = false }))
                params.categories = { "size" }
                local fp = forecast.fit_many(panel, "nbeats", params, { progress = false })
                local big, small = lifts(fp)
                local m = fp:model("s02")
                m:save("sized.json")
                local back = forecast.load(almanac.out("sized.json"))
                -- A new store: its size given, unseen, or not given (it keeps s02's).
                local new = series.new{ values = { 50, 50, 50, 50, 50, 50 } }
                local function lift(model) return model:forecast{ h = 2, levels = {}, future = { event = { 0, 1 } } }.mean[2] / 50 end
                return math.abs(blind_big - blind_small), big, small, back:forecast{ h = 2 }.mean[2] == m:forecast{ h = 2 }.mean[2],
                       lift(m:apply(new, { size = "small" })), lift(m:apply(new, { size = "huge" })), lift(m:apply(new)), m.method
                """)
        guard r.count == 8, case .number(let blind) = r[0], case .number(let big) = r[1],
            case .number(let small) = r[2],
            case .number(let newSmall) = r[4], case .number(let unseen) = r[5], case .number(let kept) = r[6]
        else {
            Issue.record("unexpected \(r)"); return
        }
        #expect(blind < 0.01, "without categories the two kinds of store look alike")
        #expect(abs(big - 3) < 0.2 && abs(small - 1.5) < 0.2, "lifts learnt: big \(big), small \(small)")
        #expect(r[3] == .boolean(true))
        #expect(abs(newSmall - 1.5) < 0.25 && abs(kept - 3) < 0.3, "new store: small \(newSmall), kept big \(kept)")
        // The unknown level learnt something between the two sizes (trained on 10 % of windows).
        #expect(unseen > newSmall && unseen < kept, "unseen level \(unseen)")
        #expect(r[7] == .string("N-BEATS(L=2, H=2, 2×2×32, 1 covariate, 1 category)"))
        // A misspelt attribute is an error of the whole model, not sixteen quiet fallbacks.
        let typo = errorMessage(
            host,
            Self.eventPanel + """
                return forecast.fit_many(panel, "nbeats", { horizon = 2, steps = 5, members = 1, categories = { "sise" } }, { progress = false })
                """)
        #expect(typo.contains("'sise'") && typo.contains("did you mean 'size'"), "\(typo)")
    }

    /// The LSTM reads the event covariate at each step and over the horizon, and the embedded size in its head.
    @Test func lstmLearnsCovariatesAndCategories() throws {
        let host = try makeHost()
        let r = try run(
            host,
            Self.eventPanel + """
                local params = { horizon = 2, lookback = 2, hidden = 32, learning_rate = 3e-3, steps = 1000, members = 1, seed = 2,
                                 covariates = { "event" }, categories = { "size" } }
                local fp = forecast.fit_many(panel, "lstm", params, { progress = false })
                local big, small = lifts(fp)
                local m = fp:model("s03")
                m:save("lstm_sized.json")
                local back = forecast.load(almanac.out("lstm_sized.json"))
                return big, small, back:forecast{ h = 2 }.mean[2] == m:forecast{ h = 2 }.mean[2], m.method
                """)
        guard r.count == 4, case .number(let big) = r[0], case .number(let small) = r[1] else {
            Issue.record("unexpected \(r)"); return
        }
        #expect(abs(big - 3) < 0.2 && abs(small - 1.5) < 0.2, "lifts learnt: big \(big), small \(small)")
        #expect(r[2] == .boolean(true))
        #expect(r[3] == .string("LSTM(L=2, H=2, 32, 1 covariate, 1 category)"))
    }

    /// December triples sales in every series; the series start in different months and the
    /// network sees two months at a time, so only the calendar says when December comes.
    @Test func calendarFeaturesPlaceTheSeasonOnTheCalendar() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local sets = {}
            for k = 1, 16 do
              local s = (k - 1) % 12 + 1
              local n = (2018 * 12 + 9) - (2015 * 12 + s - 1) + 1   -- from month s of 2015 to October 2018
              local v = {}
              for t = 1, n do v[t] = 10 * k * ((s + t - 2) % 12 + 1 == 12 and 3 or 1) end
              sets[("s%02d"):format(k)] = series.new{ values = v, start = ("2015-%02d"):format(s), freq = "month" }
            end
            local panel = data.panel(sets)
            local function december(params)
              local fp = forecast.fit_many(panel, "nbeats", params, { progress = false })
              local r = 0
              for k = 1, 16 do r = r + fp:model(("s%02d"):format(k)):forecast{ h = 2, levels = {} }.mean[2] / (10 * k) / 16 end
              return r, fp
            end
            local p = { horizon = 2, lookback = 2, width = 32, blocks = 2, layers = 2, steps = 1000, members = 1, seed = 2, validate = false }
            local blind = december(p)
            p.calendar = true
            local seen, fp = december(p)
            local m = fp:model("s05")
            m:save("calendar.json")
            local back = forecast.load(almanac.out("calendar.json"))
            local flat = forecast.fit_many(data.panel{ a = { 1, 2, 3, 4, 5, 6 } }, "nbeats", { horizon = 2, steps = 5, calendar = true },
                                           { progress = false })
            return blind, seen, back:forecast{ h = 2 }.mean[2] == m:forecast{ h = 2 }.mean[2], flat.failures[1].reason
            """)
        guard r.count == 4, case .number(let blind) = r[0], case .number(let seen) = r[1] else {
            Issue.record("unexpected \(r)"); return
        }
        #expect(abs(blind - 1) < 0.2, "without the calendar December looks like any month: \(blind)")
        #expect(abs(seen - 3) < 0.2, "with it, December's tripling is forecast: \(seen)")
        #expect(r[2] == .boolean(true))
        if case .string(let reason) = r[3] {
            #expect(reason.contains("calendar = true needs a seasonal series"), "\(reason)")
        }
    }

    @Test func panelExtrasAreCheckedAgainstTheKeys() throws {
        let host = try makeHost()
        let r = try run(
            host,
            """
            local p = data.panel({ a = { 1, 2, 3 }, b = { 4, 5, 6 } },
                                 { attributes = { a = { store = "north", size = 3 } }, covariates = { b = { promo = { 0, 1, 0, 1 } } } })
            return p:attributes("a").store, p:attributes("a").size, #p:covariate("b", "promo")
            """)
        #expect(r == [.string("north"), .number(3), .number(4)], "\(r)")
        let key = errorMessage(host, "return data.panel({ a = { 1, 2 } }, { attributes = { aa = { store = 'x' } } })")
        #expect(key.contains("'aa'") && key.contains("did you mean 'a'"), "\(key)")
        let short = errorMessage(
            host, "return data.panel({ a = { 1, 2, 3 } }, { covariates = { a = { promo = { 1 } } } })")
        #expect(short.contains("promo has 1 values, the series has 3"), "\(short)")
        let option = errorMessage(host, "return data.panel({ a = { 1, 2, 3 } }, { atributes = {} })")
        #expect(option.contains("atributes") && option.contains("attributes"), "\(option)")
    }
}
