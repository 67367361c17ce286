-- Headless Neovim (0.7+) LSP client for the editor tests, also a working example config:
--   LSP_CMD="node dist/server.js --stdio" LSP_OUT=out.txt LSP_EXPECT=2 nvim --headless -n -i NONE -u init.lua FILE
local out = os.getenv('LSP_OUT') or 'nvim-diagnostics.txt'
local expect = tonumber(os.getenv('LSP_EXPECT') or '1')
local cmd = vim.split(os.getenv('LSP_CMD') or 'rpm-kiwi-language-server --stdio', ' ')

vim.cmd('autocmd BufRead,BufNewFile *.spec setfiletype spec')
vim.cmd('autocmd BufRead,BufNewFile *.kiwi setfiletype kiwi')

local client_id
vim.api.nvim_create_autocmd('FileType', { pattern = { 'spec', 'kiwi' }, callback = function(args)
  client_id = client_id or vim.lsp.start_client({
    name = 'rpm-kiwi', cmd = cmd, root_dir = vim.fn.getcwd(),
    init_options = { settings = { kiwi = { mode = 'koji' } } },
  })
  vim.lsp.buf_attach_client(args.buf, client_id)
end })

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) >= expect end, 50)
  local lines = {}
  local names = { 'error', 'warning', 'information', 'hint' }
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    table.insert(lines, string.format('%d:%d %s %s %s', d.lnum + 1, d.col + 1, names[d.severity] or d.severity, code, d.message))
  end
  table.sort(lines)
  if not ok then table.insert(lines, 'RESULT timeout') end
  vim.fn.writefile(lines, out)
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end })
