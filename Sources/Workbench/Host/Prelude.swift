/// Lua code the host runs before any script.

/// `pairs` in a fixed order. Lua seeds its string hashes from the clock and
/// from addresses, so the order of plain `pairs` changes from run to run; a
/// script that prints inside `pairs` would then differ between two runs with
/// the same seed. This `pairs` visits keys sorted (numbers, then strings,
/// then booleans, then others by their text); `__pairs` is still honoured,
/// and `next` keeps Lua's own order for code that does not care.
let deterministicPairsSource = #"""
    local next, type, tostring, rawget, getmetatable, sort, error =
          next, type, tostring, rawget, getmetatable, table.sort, error
    local rank = { number = 1, string = 2, boolean = 3 }
    local function before(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then
        local ra, rb = rank[ta] or 4, rank[tb] or 4
        if ra ~= rb then return ra < rb end
        return ta < tb
      end
      if ta == "number" or ta == "string" then return a < b end
      if ta == "boolean" then return (not a) and b end
      return tostring(a) < tostring(b)
    end
    pairs = function(t)
      local mt = getmetatable(t)
      if type(mt) == "table" then
        local custom = rawget(mt, "__pairs")
        if custom then return custom(t) end
      end
      if type(t) ~= "table" then
        error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
      end
      local keys, n = {}, 0
      for k in next, t do n = n + 1; keys[n] = k end
      sort(keys, before)
      local i = 0
      return function(tab)
        while true do
          i = i + 1
          local k = keys[i]
          if k == nil then return nil end
          local v = rawget(tab, k)
          if v ~= nil then return k, v end  -- skip keys removed during the loop
        end
      end, t, nil
    end
    """#

/// almanac.inspect: any value as readable text, tables sorted and indented.
let inspectSource = #"""
    function(value, options)
      local depth_limit = (options and options.depth) or 4
      local width = (options and options.width) or 80
      local seen = {}
      local function key_text(k)
        if type(k) == "string" and k:match("^[%a_][%w_]*$") then return k end
        return "[" .. (type(k) == "string" and string.format("%q", k) or tostring(k)) .. "]"
      end
      local function render(v, indent, depth)
        local t = type(v)
        if t == "string" then
          return '"' .. v:gsub('[%c"\\]', function(c)
            return ({ ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r", ['"'] = '\\"', ["\\"] = "\\\\" })[c]
              or string.format("\\%03d", c:byte())
          end) .. '"'
        elseif t == "number" then
          if math.type(v) == "integer" then return tostring(v) end
          return string.format("%.14g", v)
        elseif t ~= "table" then
          return tostring(v)
        end
        if seen[v] then return "<cycle>" end
        if depth >= depth_limit then return "{...}" end
        seen[v] = true
        local n = #v
        local items = {}
        for i = 1, n do items[#items + 1] = render(v[i], indent .. "  ", depth + 1) end
        for k, x in pairs(v) do
          if not (math.type(k) == "integer" and k >= 1 and k <= n) then
            items[#items + 1] = key_text(k) .. " = " .. render(x, indent .. "  ", depth + 1)
          end
        end
        seen[v] = nil
        if #items == 0 then return "{}" end
        local flat = "{ " .. table.concat(items, ", ") .. " }"
        if #flat + #indent <= width and not flat:find("\n") then return flat end
        return "{\n" .. indent .. "  " .. table.concat(items, ",\n" .. indent .. "  ") .. "\n" .. indent .. "}"
      end
      return render(value, "", 0)
    end
    """#
