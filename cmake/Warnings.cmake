# Warnings are errors on our code only; third-party headers are included as SYSTEM.
function(ansinh_strict_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror)
endfunction()
