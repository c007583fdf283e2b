package dev.pyrometer.sampler.unwind;

import java.util.Set;

/**
 * What the merge needs to know about CPython's own C functions: which one evaluates Python frames (replaced by
 * them), and which are plumbing between a call and its callee (calls, vectorcall trampolines, the start-up
 * chain), hidden unless asked for. Names cover 3.8–3.13.
 */
final class InterpreterFrames {
    private static final String EVAL = "_PyEval_EvalFrameDefault";
    private static final Set<String> PLUMBING = Set.of(
        "_PyEval_EvalFrame", "PyEval_EvalFrame", "PyEval_EvalFrameEx", "_PyEval_EvalCode", "_PyEval_EvalCodeWithName",
        "PyEval_EvalCode", "PyEval_EvalCodeEx", "_PyEval_Vector", "call_function", "do_call_core",
        "_PyFunction_Vectorcall", "_PyFunction_FastCall", "_PyFunction_FastCallDict", "_PyFunction_FastCallKeywords",
        "function_code_fastcall", "_PyObject_Vectorcall", "PyObject_Vectorcall", "_PyObject_VectorcallTstate",
        "PyObject_VectorcallMethod", "PyObject_VectorcallDict", "_PyObject_VectorcallDictTstate",
        "_PyObject_Call", "PyObject_Call", "_PyObject_MakeTpCall", "_PyObject_FastCall", "_PyObject_FastCallDict",
        "_PyObject_FastCallDictTstate", "_PyObject_FastCallKeywords", "_PyObject_Call_Prepend", "object_vacall",
        "PyObject_CallOneArg", "PyObject_CallObject", "PyObject_CallFunctionObjArgs", "_PyObject_CallFunction_SizeT",
        "PyObject_CallMethodObjArgs", "_PyObject_CallMethodIdObjArgs", "_PyObject_CallMethod_SizeT",
        "_PyObject_CallMethodId", "PyObject_CallMethod", "_PyObject_CallNoArgs", "_PyObject_CallNoArg",
        "PyVectorcall_Call", "_PyVectorcall_Call", "_PyCFunction_FastCallDict", "_PyCFunction_FastCallKeywords",
        "_PyMethodDef_RawFastCallKeywords", "_PyMethodDef_RawFastCallDict", "_PyMethodDescr_FastCallKeywords",
        "cfunction_vectorcall_O", "cfunction_vectorcall_FASTCALL", "cfunction_vectorcall_FASTCALL_KEYWORDS",
        "cfunction_vectorcall_NOARGS", "cfunction_call", "cfunction_call_varargs",
        "method_vectorcall", "method_vectorcall_O", "method_vectorcall_FASTCALL", "method_vectorcall_NOARGS",
        "method_vectorcall_FASTCALL_KEYWORDS", "method_vectorcall_VARARGS", "method_vectorcall_VARARGS_KEYWORDS",
        "method_vectorcall_FASTCALL_KEYWORDS_METHOD", "vectorcall_method", "vectorcall_unbound",
        "slot_tp_call", "slot_tp_init", "type_call", "gen_send_ex", "gen_send_ex2", "_PyEval_EvalFrameDefault.cold",
        "builtin_exec", "builtin_exec_impl", "run_mod", "run_eval_code_obj", "pyrun_file", "pyrun_simple_file",
        "PyRun_FileExFlags", "PyRun_SimpleFileExFlags", "_PyRun_SimpleFileObject", "_PyRun_AnyFileObject",
        "PyRun_AnyFileExFlags", "PyRun_StringFlags", "_PyRun_StringFlagsWithName", "PyRun_SimpleStringFlags",
        "Py_RunMain", "pymain_run_python", "pymain_run_file", "pymain_run_file_obj", "pymain_run_command",
        "pymain_run_module", "pymain_main", "Py_BytesMain", "Py_Main", "main", "__libc_start_main",
        "__libc_start_call_main", "_start", "thread_run", "pythread_wrapper", "start_thread", "clone", "clone3");

    private InterpreterFrames() {}

    static boolean isEval(String function) {
        return function != null && function.startsWith(EVAL) && !function.endsWith(".cold");
    }

    static boolean isPlumbing(String function) {
        return function != null && PLUMBING.contains(function);
    }

    /** The python executable or libpython: its nameless functions are plumbing too (static, stripped builds). */
    static boolean isInterpreterFile(String name) {
        return name.startsWith("libpython") || name.matches("python[0-9.]*");
    }
}
