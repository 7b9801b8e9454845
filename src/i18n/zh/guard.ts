/** Messages of the checks that keep files inside the workspace and inputs sane (issue 19). */
export const guard = {
  'guard.outsideWorkspace': '拒绝写入 {file}：{link} 是指向工作目录 {dir} 之外的符号链接（或链接已失效）。ssj 不会通过离开工作目录的链接写文件；请把该链接换成工作目录内的普通文件夹。',
  'guard.badIdInFile': '{file} 中的抽取编号“{id}”无效：只能用英文字母、数字和 . _ -，不能含路径。该文件可能被改动过，已拒绝使用。',
  'guard.drawNotInLedger': '抽取“{id}”不在台账 {file} 中（可能是中断的抽取或外来的文件）。ssj status 可列出台账中的全部抽取。',
  'guard.badLedgerShape': '台账 {file} 第 {line} 行不是有效的台账记录（{what}）。请运行 ssj verify --ledger 检查，或从存档恢复台账。',
  'guard.badRecordShape': '抽取记录文件 {file} 的内容不符合格式（{what}）。该文件可能被改动过；请运行 ssj verify --ledger 检查。',
  'guard.notRegularFile': '{file} 不是普通文件（是设备、管道或套接字），已拒绝读取。请给出一个文件。',
  'guard.tooLarge': '{file} 有 {mb} MB，超过上限 {max} MB，已拒绝读取。请检查是否给错了文件。',
  'guard.demoHoldsRealDraw': '{dir} 曾是演示文件夹，但其中有不是演示的抽取 {id}（或台账无法读取），ssj demo 不会删除它。请换一个空文件夹演示。',
  'guard.subAlreadyMade': '这次递补已经记入台账（{id}：{entity} 的 {inspector} 已被替换），不再重复抽取；检查记录表已按台账中现行的检查组重新生成。',
  'guard.sharedStringsTooLarge': '{file} 的共享文本部分解压后有 {size} MB，超过上限 {limit} MB（读入需要十倍左右的内存），已拒绝。若确是这么大的名录库，请在 Excel/WPS 中另存为 CSV 再读。',
  'guard.dateBeforeLedger': '日期 {date} 早于台账 {file} 最后一条记录（第 {line} 行）的日期 {last}，台账不能倒填日期，已拒绝。请检查 --date 或电脑的日期。',
  'guard.dateAbsurd': '--date {date} 离今天（{today}）太远，不像真实的日期，已拒绝。只接受 2000 年以后、不晚于明年今天的日期。',
  'guard.lockedOtherHost': '工作目录正被另一台电脑（{host}，进程 {pid}）使用：{file}。为免两台电脑同时写入，ssj 不会接管；请等对方完成后再试。若确认对方已不在运行，{minutes} 分钟后此锁会被视为过期，或手动删除该文件。',
  'guard.passwordProtected': '{file} 设有打开密码（已加密），ssj 无法读取。请在 Excel/WPS 中输入密码打开，另存一份不设密码的副本（文件→信息→保护工作簿→用密码进行加密，清空密码），再读那一份。',
  'guard.tooManyRowsTogether': '读入的名录库合计超过 {limit} 行（此前的文件已有 {earlier} 行，读到 {file} 第 {row} 行时停止）。上限针对一次读入的全部检查对象文件合计，拆分文件没有用；请只传入本次抽取需要的名录库。',
} as const;
