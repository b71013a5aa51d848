package io.slacker.codegen.sample;

import io.slacker.SlackerPermissions;
import io.slacker.annotations.RequiresPermission;
import io.slacker.annotations.RequiresRole;
import io.slacker.annotations.SlackerService;
import io.vertx.core.Future;

/** Authorization from annotations: the interface's requirement applies to every method, and a method's adds to it. */
@SlackerService(name = "secured")
@RequiresPermission("orders:read")
public interface SecuredService {

  Future<String> list();

  @RequiresPermission({"orders:write", "orders:read"})
  @RequiresRole("clerk")
  Future<String> place(String item);

  @RequiresPermission(SlackerPermissions.ADMIN)
  void purge(String reason);
}
